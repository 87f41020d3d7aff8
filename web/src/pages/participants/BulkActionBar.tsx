import { useState } from 'react';
import { errorMessage } from '../../api/client';
import type { Template } from '../../api/models';
import { useAccount } from '../../auth/AccountContext';
import { Button } from '../../components/Button';
import { ConfirmDialog, FormDialog } from '../../components/Dialog';
import { SelectField } from '../../components/Field';
import { ArchiveIcon, DownloadIcon, TagIcon, TrashIcon } from '../../components/Icons';
import { ErrorNotice } from '../../components/Notice';
import { TagInput } from '../../components/TagInput';
import { useToast } from '../../components/Toasts';
import type { Selection } from '../../components/useSelection';
import { downloadText } from '../../lib/download';
import { plural } from '../../lib/format';
import { describeBulk, useBulkActions, type BulkChanges } from './useBulkActions';

type Open = null | 'add-tags' | 'remove-tags' | 'template' | 'delete';

/**
 * What can be done to the chosen participants at once: archive or unarchive, add or remove
 * tags, change the template, export, delete. Viewers only export.
 */
export function BulkActionBar({ selection, templates }: { selection: Selection; templates: Template[] | undefined }) {
  const account = useAccount();
  const toast = useToast();
  const { update, remove, exportCsv } = useBulkActions();
  const [open, setOpen] = useState<Open>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [tagError, setTagError] = useState<string | undefined>(undefined);
  const ids = [...selection.ids];
  const count = plural(ids.length, 'participant');

  const close = () => {
    setOpen(null);
    setTags([]);
    setTagError(undefined);
    update.reset();
    remove.reset();
  };

  const apply = (changes: BulkChanges, done: string, already: string) =>
    update.mutate(
      { ids, changes },
      {
        onSuccess: (report) => {
          close();
          if (report.failed > 0) toast.error(describeBulk(report, done, already));
          else toast.success(describeBulk(report, done, already));
        },
        onError: (error) => {
          if (open === null) toast.error(errorMessage(error));
        },
      },
    );

  if (selection.size === 0) return null;

  return (
    <div className="bulk-bar" role="region" aria-label="Actions on the selected participants">
      <span className="bulk-count" aria-live="polite">
        <strong>{ids.length.toLocaleString()}</strong> selected
      </span>
      <Button variant="ghost" size="sm" onClick={selection.clear}>
        Clear selection
      </Button>
      <div className="bulk-actions">
        {account.canWrite ? (
          <>
            <Button size="sm" icon={<ArchiveIcon />} loading={update.isPending && open === null} onClick={() => apply({ status: 'archived' }, 'Archived', 'already archived')}>
              Archive
            </Button>
            <Button size="sm" disabled={update.isPending} onClick={() => apply({ status: 'active' }, 'Unarchived', 'already active')}>
              Unarchive
            </Button>
            <Button size="sm" icon={<TagIcon />} onClick={() => setOpen('add-tags')}>
              Add tags
            </Button>
            <Button size="sm" onClick={() => setOpen('remove-tags')}>
              Remove tags
            </Button>
            <Button size="sm" onClick={() => setOpen('template')}>
              Change template
            </Button>
          </>
        ) : null}
        <Button
          size="sm"
          icon={<DownloadIcon />}
          loading={exportCsv.isPending}
          onClick={() =>
            exportCsv.mutate(ids, {
              onSuccess: (csv) => downloadText('participants-selected.csv', csv),
              onError: (error) => toast.error(errorMessage(error)),
            })
          }
        >
          Export
        </Button>
        {account.canWrite ? (
          <Button size="sm" variant="danger-outline" icon={<TrashIcon />} onClick={() => setOpen('delete')}>
            Delete
          </Button>
        ) : null}
      </div>

      <FormDialog
        open={open === 'add-tags' || open === 'remove-tags'}
        title={open === 'add-tags' ? `Add tags to ${count}` : `Remove tags from ${count}`}
        submitLabel={open === 'add-tags' ? 'Add tags' : 'Remove tags'}
        busy={update.isPending}
        error={update.error !== null ? <ErrorNotice error={update.error} title="Nothing was changed" /> : undefined}
        onClose={close}
        onSubmit={() => {
          if (tags.length === 0) return setTagError('Type at least one tag.');
          if (open === 'add-tags') apply({ add_tags: tags }, 'Tagged', 'already tagged so');
          else apply({ remove_tags: tags }, 'Untagged', 'without these tags');
        }}
      >
        <TagInput label="Tags" value={tags} onChange={(next) => (setTags(next), setTagError(undefined))} error={tagError} hint="Press Enter, ; or | after each tag." />
      </FormDialog>

      <FormDialog
        open={open === 'template'}
        title={`Change the template of ${count}`}
        description="Someone whose email is already in the chosen template stays where they are."
        submitLabel="Change template"
        busy={update.isPending}
        error={update.error !== null ? <ErrorNotice error={update.error} title="Nothing was changed" /> : undefined}
        onClose={close}
        onSubmit={() => apply({ evaluation_template_id: templateId === '' ? null : templateId }, 'Moved', 'already there')}
      >
        <SelectField label="Evaluation Template" value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
          <option value="">No template</option>
          {(templates ?? [])
            .filter((t) => t.status !== 'archived')
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.template_name}
              </option>
            ))}
        </SelectField>
      </FormDialog>

      <ConfirmDialog
        open={open === 'delete'}
        title={`Delete ${count}?`}
        message={`The ${count} and their sessions’ future invites are removed permanently. To keep the records, archive them instead.`}
        confirmLabel={`Delete ${count}`}
        busy={remove.isPending}
        error={remove.error !== null ? <ErrorNotice error={remove.error} title="Nothing was deleted" /> : undefined}
        onConfirm={() =>
          remove.mutate(ids, {
            onSuccess: (report) => {
              close();
              selection.clear();
              toast.success(describeBulk(report, 'Deleted', 'already gone'));
            },
          })
        }
        onCancel={close}
      />
    </div>
  );
}
