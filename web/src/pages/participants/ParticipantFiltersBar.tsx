import type { Template } from '../../api/models';
import type { ParticipantListFilters } from '../../api/participants';
import { Button } from '../../components/Button';
import { SearchField, SelectField, useSearchText } from '../../components/Field';
import { TagInput } from '../../components/TagInput';

/** Search, template, status and tags of the participants list; every change goes to the URL. */
export function ParticipantFiltersBar({
  filters,
  templates,
  filtered,
  onChange,
  onClear,
}: {
  filters: ParticipantListFilters;
  templates: Template[] | undefined;
  filtered: boolean;
  onChange: (changes: Record<string, string | readonly string[] | undefined>) => void;
  onClear: () => void;
}) {
  const [search, setSearch] = useSearchText(filters.q ?? '', (q) => onChange({ q }));
  return (
    <div className="toolbar" role="search">
      <SearchField id="participant-search" placeholder="Name or email" value={search} onChange={setSearch} />
      <SelectField label="Template" className="field-template" value={filters.evaluation_template_id ?? ''} onChange={(event) => onChange({ template: event.target.value })}>
        <option value="">All templates</option>
        {(templates ?? []).map((t) => (
          <option key={t.id} value={t.id}>
            {t.template_name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Status" className="field-status" value={filters.status ?? ''} onChange={(event) => onChange({ status: event.target.value })}>
        <option value="">All statuses</option>
        <option value="active">Active</option>
        <option value="archived">Archived</option>
      </SelectField>
      <TagInput
        className="field-tags"
        label="Tags"
        value={filters.tag}
        onChange={(tag) => onChange({ tag })}
        maxTags={10}
        placeholder="Filter by tag"
      />
      {filtered ? (
        <Button variant="ghost" className="toolbar-clear" onClick={onClear}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
