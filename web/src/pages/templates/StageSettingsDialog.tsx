import { useState } from 'react';
import type { AgentProfile } from '../../api/models';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { AUTOMATION_RULE_LABELS, keysOf } from '../../lib/labels';
import {
  applyStageSettings,
  stageToSettingsForm,
  validateStageSettings,
  type StageDraft,
  type StageSettingsErrors,
  type StageSettingsForm,
} from '../../lib/template-form';

export interface StageSettingsDialogProps {
  stage: StageDraft | undefined;
  profiles: AgentProfile[];
  /** Name of the template's default profile, shown as the "default" choice. */
  defaultProfileName: string | undefined;
  defaultDuration: number;
  busy: boolean;
  onSave: (stage: StageDraft) => void;
  onClose: () => void;
}

/** A stage's name, duration and interviewer settings: agent profile, pass threshold, automation rule. */
export function StageSettingsDialog({ stage, profiles, defaultProfileName, defaultDuration, busy, onSave, onClose }: StageSettingsDialogProps) {
  const [form, setForm] = useState<StageSettingsForm | null>(() => (stage === undefined ? null : stageToSettingsForm(stage)));
  const [errors, setErrors] = useState<StageSettingsErrors>({});
  // Another stage (or none) to edit: start from its settings. Adjusted while rendering, not in an
  // effect, so the dialog never shows one render of the previous stage's values.
  const [shown, setShown] = useState(stage);
  if (stage !== shown) {
    setShown(stage);
    setForm(stage === undefined ? null : stageToSettingsForm(stage));
    setErrors({});
  }

  const set = <K extends keyof StageSettingsForm>(key: K, value: StageSettingsForm[K]) => {
    setForm((f) => (f === null ? f : { ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  return (
    <Dialog
      open={stage !== undefined && form !== null}
      title={`Stage settings: ${stage?.stage_name ?? ''}`}
      description="How this stage is interviewed and when a session of it passes."
      onClose={onClose}
      onSubmit={() => {
        if (stage === undefined || form === null) return;
        const found = validateStageSettings(form);
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        onSave(applyStageSettings(stage, form));
      }}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={busy}>
            Save stage
          </Button>
        </>
      }
    >
      {form === null ? null : (
        <div className="form">
          <TextField label="Stage name" required maxLength={200} value={form.stage_name} error={errors.stage_name} onChange={(e) => set('stage_name', e.target.value)} />
          <TextField
            label="Duration (minutes)"
            type="number"
            inputMode="numeric"
            min={5}
            max={240}
            placeholder={String(defaultDuration)}
            hint="Empty: the template's default duration."
            value={form.duration_minutes}
            error={errors.duration_minutes}
            onChange={(e) => set('duration_minutes', e.target.value)}
          />
          <SelectField label="Agent profile" value={form.agent_profile_id} onChange={(e) => set('agent_profile_id', e.target.value)}>
            <option value="">{defaultProfileName === undefined ? 'Built-in interviewer' : `Template default (${defaultProfileName})`}</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Pass threshold"
            type="number"
            inputMode="decimal"
            min={0}
            max={10}
            step={0.1}
            required
            hint="The overall score (0–10) a session of this stage needs to pass."
            value={form.pass_threshold}
            error={errors.pass_threshold}
            onChange={(e) => set('pass_threshold', e.target.value)}
          />
          <SelectField
            label="When a session passes"
            value={form.automation_rule}
            onChange={(e) => set('automation_rule', e.target.value as StageSettingsForm['automation_rule'])}
          >
            {keysOf(AUTOMATION_RULE_LABELS).map((rule) => (
              <option key={rule} value={rule}>
                {AUTOMATION_RULE_LABELS[rule]}
              </option>
            ))}
          </SelectField>
        </div>
      )}
    </Dialog>
  );
}
