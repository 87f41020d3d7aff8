import { ApiError } from '../../api/client';
import type { Template } from '../../api/models';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { ArchiveIcon } from '../../components/Icons';
import { ErrorNotice, Notice } from '../../components/Notice';

/**
 * Confirms deleting a template. One with participants cannot be deleted (409
 * `template_in_use`): the dialog then says so in the dashboard's words and offers Archive.
 */
export function DeleteTemplateDialog({
  open,
  template,
  deleting,
  error,
  archiving,
  onDelete,
  onArchive,
  onCancel,
}: {
  open: boolean;
  template: Template;
  deleting: boolean;
  error: unknown;
  archiving: boolean;
  onDelete: () => void;
  onArchive: () => void;
  onCancel: () => void;
}) {
  const inUse = error instanceof ApiError && error.code === 'template_in_use';
  const canArchive = template.status !== 'archived';
  return (
    <ConfirmDialog
      open={open}
      title="Delete this template?"
      message={`“${template.template_name}” and its stages will be deleted permanently.`}
      confirmLabel="Delete template"
      busy={deleting}
      confirmDisabled={inUse}
      error={
        inUse ? (
          <Notice tone="warning" title="This template has participants, so it cannot be deleted">
            {canArchive
              ? 'Archive it instead: it leaves the template picker for new participants, and the people in it keep it.'
              : 'It is archived already: it stays out of the template picker, and the people in it keep it.'}
          </Notice>
        ) : error !== null && error !== undefined ? (
          <ErrorNotice error={error} />
        ) : undefined
      }
      extraAction={
        inUse && canArchive ? (
          <Button variant="primary" icon={<ArchiveIcon />} loading={archiving} onClick={onArchive}>
            Archive instead
          </Button>
        ) : undefined
      }
      onConfirm={onDelete}
      onCancel={onCancel}
    />
  );
}
