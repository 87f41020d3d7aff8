import { Truncate } from './Truncate';

/**
 * A participant's tags as chips. With `onPick`, each chip is a button that filters the list by
 * that tag. At most `max` show; the rest are counted ("+3"), listed in the count's tooltip.
 */
export function TagChips({ tags, max = 3, onPick }: { tags: readonly string[]; max?: number; onPick?: (tag: string) => void }) {
  if (tags.length === 0) return <span className="cell-muted">—</span>;
  const shown = tags.slice(0, max);
  const rest = tags.slice(max);
  return (
    <span className="tags tags-inline">
      {shown.map((tag) =>
        onPick === undefined ? (
          <Truncate key={tag} text={tag} className="chip chip-static" />
        ) : (
          <button
            key={tag}
            type="button"
            className="chip chip-button"
            title={`Show only participants tagged “${tag}”`}
            aria-label={`Filter by tag ${tag}`}
            onClick={(event) => {
              event.stopPropagation();
              onPick(tag);
            }}
          >
            <span className="truncate">{tag}</span>
          </button>
        ),
      )}
      {rest.length > 0 ? (
        <span className="chip chip-more" title={rest.join(', ')} aria-label={`and ${rest.length} more: ${rest.join(', ')}`}>
          +{rest.length}
        </span>
      ) : null}
    </span>
  );
}
