import { useEffect, useState } from 'react';
import { Button } from './Button';
import { CheckIcon, CopyIcon } from './Icons';

/** Copies text to the clipboard; falls back to selecting it where the clipboard is unavailable. */
export function CopyButton({ text, label = 'Copy', fallbackTarget }: { text: string; label?: string; fallbackTarget?: () => HTMLInputElement | null }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      const input = fallbackTarget?.();
      input?.select();
      setState('failed');
    }
  };

  return (
    <>
      <Button variant="secondary" onClick={() => void copy()} icon={state === 'copied' ? <CheckIcon /> : <CopyIcon />}>
        {state === 'copied' ? 'Copied' : label}
      </Button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Could not copy; the text is selected, press Ctrl+C' : ''}
      </span>
    </>
  );
}
