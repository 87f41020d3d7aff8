import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { TagInput } from '../../components/TagInput';
import { DIFFICULTY_LABELS, TEMPLATE_STATUS_LABELS, USE_CASE_LABELS, keysOf } from '../../lib/labels';
import type { TemplateForm, TemplateFormErrors } from '../../lib/template-form';

/** The template's own fields (everything but its stages). */
export function TemplateDetailsFields({
  form,
  errors,
  set,
  profiles,
}: {
  form: TemplateForm;
  errors: TemplateFormErrors;
  set: <K extends keyof TemplateForm>(key: K, value: TemplateForm[K]) => void;
  profiles: readonly { id: string; name: string }[];
}) {
  return (
    <div className="form-grid">
      <TextField
        id="template-template_name"
        className="span-2"
        label="Name"
        required
        maxLength={200}
        placeholder="Backend Engineer"
        value={form.template_name}
        error={errors.template_name}
        onChange={(e) => set('template_name', e.target.value)}
      />
      <SelectField label="Use case" value={form.use_case} error={errors.use_case} onChange={(e) => set('use_case', e.target.value as TemplateForm['use_case'])}>
        {keysOf(USE_CASE_LABELS).map((u) => (
          <option key={u} value={u}>
            {USE_CASE_LABELS[u]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Status" value={form.status} error={errors.status} onChange={(e) => set('status', e.target.value as TemplateForm['status'])}>
        {keysOf(TEMPLATE_STATUS_LABELS).map((s) => (
          <option key={s} value={s}>
            {TEMPLATE_STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        className="span-2"
        label="Objective"
        optional
        rows={3}
        maxLength={2000}
        placeholder="What should the interview find out?"
        value={form.objective}
        error={errors.objective}
        onChange={(e) => set('objective', e.target.value)}
      />
      <TagInput
        label="Skills"
        optional
        value={form.skills}
        onChange={(v) => set('skills', v)}
        maxTags={100}
        placeholder="Type a skill and press Enter"
        error={errors.skills}
      />
      <TagInput
        label="Soft skills"
        optional
        value={form.soft_skills}
        onChange={(v) => set('soft_skills', v)}
        maxTags={100}
        placeholder="Communication; ownership…"
        error={errors.soft_skills}
      />
      <TextAreaField
        className="span-2"
        label="Requirements"
        optional
        rows={3}
        maxLength={10000}
        value={form.requirements}
        error={errors.requirements}
        onChange={(e) => set('requirements', e.target.value)}
      />
      <TextField
        id="template-default_duration_minutes"
        label="Default duration (minutes)"
        type="number"
        inputMode="numeric"
        min={5}
        max={240}
        required
        value={form.default_duration_minutes}
        error={errors.default_duration_minutes}
        onChange={(e) => set('default_duration_minutes', e.target.value)}
      />
      <SelectField
        label="Default difficulty"
        value={form.default_difficulty}
        error={errors.default_difficulty}
        onChange={(e) => set('default_difficulty', e.target.value as TemplateForm['default_difficulty'])}
      >
        {keysOf(DIFFICULTY_LABELS).map((d) => (
          <option key={d} value={d}>
            {DIFFICULTY_LABELS[d]}
          </option>
        ))}
      </SelectField>
      <TextField
        id="template-level"
        label="Level"
        optional
        maxLength={100}
        placeholder="Senior"
        value={form.level}
        error={errors.level}
        onChange={(e) => set('level', e.target.value)}
      />
      <SelectField
        className="span-2"
        label="Default agent profile"
        hint="The interviewer of every stage that does not name its own."
        value={form.agent_profile_id}
        onChange={(e) => set('agent_profile_id', e.target.value)}
      >
        <option value="">Built-in interviewer</option>
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        className="span-2"
        label="Description"
        optional
        rows={3}
        maxLength={5000}
        value={form.description}
        error={errors.description}
        onChange={(e) => set('description', e.target.value)}
      />
    </div>
  );
}
