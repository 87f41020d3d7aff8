import { useEffect, useRef, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from './Dialog';

/**
 * Keeps a form's edits from being lost by leaving: a link or Back asks first ("Leave without
 * saving?"), and closing or reloading the tab gets the browser's own question. `allowLeave()`
 * lets the next navigation through, for a save that moves on by itself.
 */
export function useUnsavedChanges(dirty: boolean): { prompt: ReactNode; allowLeave: () => void } {
  const allowed = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (allowed.current) {
      allowed.current = false;
      return false;
    }
    return dirty && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search);
  });

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const prompt = (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title="Leave without saving?"
      message="Your changes on this page are not saved. Stay to save them, or leave and lose them."
      cancelLabel="Stay on this page"
      confirmLabel="Leave without saving"
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    />
  );
  return {
    prompt,
    allowLeave: () => {
      allowed.current = true;
    },
  };
}
