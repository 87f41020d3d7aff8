import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { AlertIcon, PlusIcon, TrashIcon } from '../../components/Icons';
import {
  MAX_DIMENSIONS,
  WEIGHT_TOTAL,
  evenWeights,
  newDimension,
  weightTotal,
  type DimensionDraft,
  type DimensionErrors,
} from '../../lib/agent-profile-form';

export interface DimensionsEditorProps {
  dimensions: DimensionDraft[];
  onChange: (dimensions: DimensionDraft[]) => void;
  rowErrors?: Record<number, DimensionErrors> | undefined;
  listError?: string | undefined;
  readOnly?: boolean;
}

/** The rubric: named, weighted dimensions whose weights must add up to 100, with the running total. */
export function DimensionsEditor({ dimensions, onChange, rowErrors, listError, readOnly = false }: DimensionsEditorProps) {
  const total = weightTotal(dimensions);
  const set = (index: number, change: Partial<DimensionDraft>) => onChange(dimensions.map((d, i) => (i === index ? { ...d, ...change } : d)));

  return (
    <div className="stack">
      <ol className="dimension-list" aria-label="Dimensions">
        {dimensions.map((d, index) => {
          const errors = rowErrors?.[index];
          const label = d.name.trim() === '' ? `dimension ${index + 1}` : d.name.trim();
          return (
            <li key={d.key} className="dimension-item">
              <TextField
                id={`dimension-${index}-name`}
                label="Dimension"
                required
                maxLength={100}
                placeholder="Problem solving"
                value={d.name}
                error={errors?.name}
                disabled={readOnly}
                onChange={(e) => set(index, { name: e.target.value })}
              />
              <TextField
                id={`dimension-${index}-weight`}
                label="Weight"
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                required
                value={d.weight}
                error={errors?.weight}
                disabled={readOnly}
                onChange={(e) => set(index, { weight: e.target.value })}
              />
              <TextField
                id={`dimension-${index}-threshold`}
                label="Minimum score"
                optional
                type="number"
                inputMode="decimal"
                min={0}
                max={10}
                step={0.5}
                value={d.threshold}
                error={errors?.threshold}
                disabled={readOnly}
                onChange={(e) => set(index, { threshold: e.target.value })}
              />
              <TextField
                id={`dimension-${index}-description`}
                className="dimension-description"
                label="What a good answer shows"
                optional
                maxLength={1000}
                value={d.description}
                disabled={readOnly}
                onChange={(e) => set(index, { description: e.target.value })}
              />
              {readOnly ? null : (
                <Button
                  className="dimension-remove"
                  variant="ghost"
                  iconOnly
                  icon={<TrashIcon />}
                  aria-label={`Remove ${label}`}
                  disabled={dimensions.length === 1}
                  onClick={() => onChange(dimensions.filter((_, i) => i !== index))}
                />
              )}
            </li>
          );
        })}
      </ol>
      <div className="dimension-footer">
        <p className={total === WEIGHT_TOTAL ? 'weight-total weight-total-ok' : 'weight-total weight-total-off'} role="status" aria-live="polite">
          Total weight: <strong>{total}</strong> of {WEIGHT_TOTAL}
          {total === WEIGHT_TOTAL ? null : <span> ({total < WEIGHT_TOTAL ? `${WEIGHT_TOTAL - total} to go` : `${total - WEIGHT_TOTAL} too many`})</span>}
        </p>
        {readOnly ? null : (
          <div className="row">
            <Button size="sm" disabled={dimensions.length === 0} onClick={() => onChange(evenWeights(dimensions))}>
              Split weights evenly
            </Button>
            <Button size="sm" icon={<PlusIcon />} disabled={dimensions.length >= MAX_DIMENSIONS} onClick={() => onChange([...dimensions, newDimension()])}>
              Add dimension
            </Button>
          </div>
        )}
      </div>
      {listError !== undefined ? (
        <div className="field-error" id="dimensions-error">
          <AlertIcon size={14} />
          <span>{listError}</span>
        </div>
      ) : null}
    </div>
  );
}
