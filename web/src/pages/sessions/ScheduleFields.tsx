import { useMemo } from 'react';
import { SelectField, TextField } from '../../components/Field';
import { browserTimeZone, timeZoneOptions, utcToZoned, zonedToUtc } from '../../lib/zoned-time';

/** When an interview happens: a date and time in a zone, or whenever the participant is ready. */
export interface ScheduleForm {
  mode: 'fixed' | 'open';
  date: string;
  time: string;
  timeZone: string;
}

export function scheduleFormOf(scheduledAt: string | null, timeZone: string | null): ScheduleForm {
  const zone = timeZone ?? browserTimeZone();
  if (scheduledAt === null) return { mode: timeZone === null ? 'fixed' : 'open', date: '', time: '10:00', timeZone: zone };
  return { mode: 'fixed', ...utcToZoned(scheduledAt, zone), timeZone: zone };
}

export type ScheduleErrors = Partial<Record<'date' | 'time', string>>;

/** The API's `scheduled_at` and `timezone`, or the errors to show at the fields. */
export function toSchedule(form: ScheduleForm): { scheduled_at: string | null; timezone: string } | { errors: ScheduleErrors } {
  if (form.mode === 'open') return { scheduled_at: null, timezone: form.timeZone };
  const errors: ScheduleErrors = {};
  if (form.date === '') errors.date = 'Pick a date.';
  if (form.time === '') errors.time = 'Pick a time.';
  if (errors.date !== undefined || errors.time !== undefined) return { errors };
  const at = zonedToUtc(form.date, form.time, form.timeZone);
  if (at === null) return { errors: { time: `${form.time} does not exist on that day in ${form.timeZone} (the clocks change). Pick another time.` } };
  if (new Date(at).getTime() <= Date.now()) return { errors: { date: 'Pick a time in the future.' } };
  return { scheduled_at: at, timezone: form.timeZone };
}

export function ScheduleFields({
  form,
  errors,
  onChange,
  idPrefix,
}: {
  form: ScheduleForm;
  errors: ScheduleErrors;
  onChange: (form: ScheduleForm) => void;
  idPrefix: string;
}) {
  const zones = useMemo(() => timeZoneOptions([form.timeZone, browserTimeZone()]), [form.timeZone]);
  return (
    <fieldset className="stack">
      <legend className="field-label">When</legend>
      <div className="row" role="radiogroup" aria-label="When">
        <label className="checkbox">
          <input type="radio" name={`${idPrefix}-mode`} checked={form.mode === 'fixed'} onChange={() => onChange({ ...form, mode: 'fixed' })} />
          <span className="checkbox-title">At a set time</span>
        </label>
        <label className="checkbox">
          <input type="radio" name={`${idPrefix}-mode`} checked={form.mode === 'open'} onChange={() => onChange({ ...form, mode: 'open' })} />
          <span className="checkbox-title">Whenever they’re ready</span>
        </label>
      </div>
      {form.mode === 'fixed' ? (
        <div className="form-grid">
          <TextField id={`${idPrefix}-date`} label="Date" type="date" required value={form.date} error={errors.date} onChange={(e) => onChange({ ...form, date: e.target.value })} />
          <TextField id={`${idPrefix}-time`} label="Time" type="time" required value={form.time} error={errors.time} onChange={(e) => onChange({ ...form, time: e.target.value })} />
        </div>
      ) : (
        <p className="subtle">No fixed time: the invite asks them to join whenever they are ready, and no calendar entry or reminder is sent.</p>
      )}
      <SelectField
        id={`${idPrefix}-zone`}
        label="Time zone"
        hint="The participant’s zone: the invite shows the time in it."
        value={form.timeZone}
        onChange={(e) => onChange({ ...form, timeZone: e.target.value })}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, ' ')}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
