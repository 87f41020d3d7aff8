import type { Template } from '../../api/models';
import { SelectField, TextField } from '../../components/Field';
import { TagInput } from '../../components/TagInput';
import type { ParticipantForm, ParticipantFormErrors } from '../../lib/participant-form';

export const EXPERIENCE_LEVELS = ['entry', 'junior', 'mid', 'senior', 'lead', 'principal', 'executive'];

export interface ParticipantFieldsProps {
  form: ParticipantForm;
  errors: ParticipantFormErrors;
  templates: Template[] | undefined;
  onChange: <K extends keyof ParticipantForm>(key: K, value: ParticipantForm[K]) => void;
  idPrefix: string;
  autoFocus?: boolean;
}

/** The participant's fields, as in the published "Add a participant" steps. */
export function ParticipantFields({ form, errors, templates, onChange, idPrefix, autoFocus = false }: ParticipantFieldsProps) {
  const options = (templates ?? []).filter((t) => t.status !== 'archived' || t.id === form.evaluation_template_id);
  return (
    <div className="form">
      <div className="form-section">
        <div className="form-grid">
          <TextField
            id={`${idPrefix}-name`}
            label="Name"
            required
            autoFocus={autoFocus}
            autoComplete="off"
            maxLength={200}
            placeholder="Jane Smith"
            value={form.name}
            error={errors.name}
            onChange={(e) => onChange('name', e.target.value)}
          />
          <TextField
            id={`${idPrefix}-email`}
            label="Email"
            type="email"
            required
            autoComplete="off"
            maxLength={254}
            placeholder="jane@example.com"
            hint="The interview invite is sent here."
            value={form.email}
            error={errors.email}
            onChange={(e) => onChange('email', e.target.value)}
          />
          <SelectField
            id={`${idPrefix}-evaluation_template_id`}
            className="span-2"
            label="Evaluation Template"
            hint="The role or program this person is evaluated for."
            value={form.evaluation_template_id}
            error={errors.evaluation_template_id}
            disabled={templates === undefined}
            onChange={(e) => onChange('evaluation_template_id', e.target.value)}
          >
            <option value="">{templates === undefined ? 'Loading templates…' : 'No template'}</option>
            {options.map((t) => (
              <option key={t.id} value={t.id}>
                {t.template_name}
                {t.status === 'draft' ? ' (draft)' : t.status === 'archived' ? ' (archived)' : ''}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <div className="form-section">
        <h3 className="form-section-title">More about them</h3>
        <div className="form-grid">
          <TextField
            id={`${idPrefix}-external_id`}
            label="External ID"
            optional
            maxLength={255}
            placeholder="greenhouse-8821"
            hint="Their ID in your ATS, LMS or app; it comes back in every webhook."
            value={form.external_id}
            error={errors.external_id}
            onChange={(e) => onChange('external_id', e.target.value)}
          />
          <TextField
            id={`${idPrefix}-phone`}
            label="Phone"
            optional
            type="tel"
            maxLength={40}
            value={form.phone}
            error={errors.phone}
            onChange={(e) => onChange('phone', e.target.value)}
          />
          <div className="span-2">
            <TagInput
              label="Tags"
              optional
              value={form.tags}
              onChange={(tags) => onChange('tags', tags)}
              placeholder="senior; remote…"
              hint="Press Enter, ; or | after each tag (as in a CSV import). A comma stays part of the tag."
              error={errors.tags}
            />
          </div>
          <TextField
            id={`${idPrefix}-title`}
            label="Title"
            optional
            maxLength={200}
            placeholder="Software Engineer"
            value={form.title}
            error={errors.title}
            onChange={(e) => onChange('title', e.target.value)}
          />
          <TextField
            id={`${idPrefix}-organization`}
            label="Organization"
            optional
            maxLength={200}
            value={form.organization}
            error={errors.organization}
            onChange={(e) => onChange('organization', e.target.value)}
          />
          <TextField
            id={`${idPrefix}-experienceLevel`}
            label="Experience level"
            optional
            maxLength={200}
            list={`${idPrefix}-levels`}
            placeholder="senior"
            value={form.experienceLevel}
            error={errors.experienceLevel}
            onChange={(e) => onChange('experienceLevel', e.target.value)}
          />
          <datalist id={`${idPrefix}-levels`}>
            {EXPERIENCE_LEVELS.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
          <TextField
            id={`${idPrefix}-location`}
            label="Location"
            optional
            maxLength={200}
            value={form.location}
            error={errors.location}
            onChange={(e) => onChange('location', e.target.value)}
          />
          <TextField
            id={`${idPrefix}-resume_url`}
            className="span-2"
            label="Resume URL"
            optional
            type="url"
            maxLength={2048}
            placeholder="https://…/resume.pdf"
            hint="Read in the background so the interviewer can ask better questions."
            value={form.resume_url}
            error={errors.resume_url}
            onChange={(e) => onChange('resume_url', e.target.value)}
          />
        </div>
      </div>
    </div>
  );
}
