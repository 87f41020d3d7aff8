import { useState } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ArrowDownIcon, ArrowUpIcon, LayersIcon, PlusIcon, SettingsIcon, TrashIcon } from '../../components/Icons';
import { AUTOMATION_RULE_LABELS } from '../../lib/labels';
import { DEFAULT_PASS_THRESHOLD, stageTypeFromName, validateStageDraft, type StageDraft } from '../../lib/template-form';

export interface StagesEditorProps {
  stages: StageDraft[];
  defaultDuration: number;
  /** Resolves when the stage was added; rejects with a message to show. */
  onAdd: (stage: StageDraft) => Promise<void> | void;
  onMove: (index: number, delta: number) => void;
  onRemove: (index: number) => void;
  /** Opens the stage's settings (name, duration, agent profile, pass threshold, automation). */
  onEdit: (index: number) => void;
  /** The interviewer a stage uses, as shown to the team. */
  interviewerOf: (stage: StageDraft) => string;
  busy?: boolean;
  readOnly?: boolean;
}

/** Ordered rounds of a template: add, move up and down, remove. */
export function StagesEditor({ stages, defaultDuration, onAdd, onMove, onRemove, onEdit, interviewerOf, busy = false, readOnly = false }: StagesEditorProps) {
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [typeTouched, setTypeTouched] = useState(false);
  const [duration, setDuration] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'type' | 'stage_name' | 'duration_minutes', string>>>({});
  const [adding, setAdding] = useState(false);

  const effectiveType = typeTouched ? type : stageTypeFromName(name);

  const add = async (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    const parsed = duration.trim() === '' ? null : Number(duration);
    const draft: StageDraft = {
      type: effectiveType,
      stage_name: name.trim(),
      duration_minutes: parsed !== null && Number.isFinite(parsed) ? parsed : parsed === null ? null : -1,
    };
    const found = validateStageDraft(draft, stages);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setAdding(true);
    try {
      await onAdd(draft);
      setName('');
      setType('');
      setTypeTouched(false);
      setDuration('');
    } finally {
      setAdding(false);
    }
  };

  return (
    <div className="stack">
      {stages.length === 0 ? (
        <div className="notice">
          <LayersIcon />
          <div className="notice-body">
            <strong>No stages yet</strong>
            <span className="muted">Without stages, a template has one implicit “Screen” stage of {defaultDuration} minutes.</span>
          </div>
        </div>
      ) : (
        <ol className="stage-list" aria-label="Stages">
          {stages.map((stage, index) => (
            <li key={stage.id ?? stage.type} className="stage-item">
              <span className="stage-order" aria-hidden="true">
                {index + 1}
              </span>
              <div className="stage-main">
                <strong>{stage.stage_name}</strong>
                <span>
                  <code>{stage.type}</code> · {stage.duration_minutes ?? defaultDuration} min
                  {stage.duration_minutes === null ? ' (template default)' : ''}
                </span>
                <span className="stage-settings">
                  <span>Interviewer: {interviewerOf(stage)}</span>
                  <span>Pass at {(stage.pass_threshold ?? DEFAULT_PASS_THRESHOLD).toFixed(1)}</span>
                  {stage.automation_rule !== undefined && stage.automation_rule !== 'none' ? <span>{AUTOMATION_RULE_LABELS[stage.automation_rule]}</span> : null}
                </span>
              </div>
              {readOnly ? null : (
                <div className="stage-actions">
                  <Button variant="ghost" iconOnly icon={<SettingsIcon />} aria-label={`Edit ${stage.stage_name}`} disabled={busy} onClick={() => onEdit(index)} />
                  <Button
                    variant="ghost"
                    iconOnly
                    icon={<ArrowUpIcon />}
                    aria-label={`Move ${stage.stage_name} up`}
                    disabled={index === 0 || busy}
                    onClick={() => onMove(index, -1)}
                  />
                  <Button
                    variant="ghost"
                    iconOnly
                    icon={<ArrowDownIcon />}
                    aria-label={`Move ${stage.stage_name} down`}
                    disabled={index === stages.length - 1 || busy}
                    onClick={() => onMove(index, 1)}
                  />
                  <Button
                    variant="ghost"
                    iconOnly
                    icon={<TrashIcon />}
                    aria-label={`Remove ${stage.stage_name}`}
                    disabled={busy}
                    onClick={() => onRemove(index)}
                  />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {readOnly ? null : (
        <fieldset className="stage-add" aria-label="Add a stage">
          <TextField
            label="Stage name"
            placeholder="Technical interview"
            value={name}
            error={errors.stage_name}
            onChange={(event) => {
              setName(event.target.value);
              setErrors((found) => ({ ...found, stage_name: undefined, ...(typeTouched ? {} : { type: undefined }) }));
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void add(event);
            }}
          />
          <TextField
            label="Stage type"
            placeholder="technical"
            value={effectiveType}
            error={errors.type}
            onChange={(event) => {
              setTypeTouched(true);
              setType(event.target.value.toLowerCase());
              setErrors((found) => ({ ...found, type: undefined }));
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void add(event);
            }}
          />
          <TextField
            label="Minutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={240}
            placeholder={String(defaultDuration)}
            value={duration}
            error={errors.duration_minutes}
            onChange={(event) => {
              setDuration(event.target.value);
              setErrors((found) => ({ ...found, duration_minutes: undefined }));
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void add(event);
            }}
          />
          <Button icon={<PlusIcon />} loading={adding} disabled={busy} onClick={() => void add()}>
            Add stage
          </Button>
        </fieldset>
      )}
    </div>
  );
}
