/** A page's labels: v2 `GET /pages/{id}/labels`. Labels are site-wide; `labelNamed` finds or makes one. */
import type { ConfluenceState, StoredLabel } from '../model';
import { pagedList, querySort, queryString, rejectUnsupportedQuery, type RouteContext, type RouteResult } from './context';
import { visiblePage } from './pages-read';

/** The site's label with this prefix and name, created (with a fresh id) when there is none yet. */
export function labelNamed(state: ConfluenceState, name: string, prefix: StoredLabel['prefix'] = 'global'): StoredLabel {
  const existing = Object.values(state.labels).find((label) => label.name === name && label.prefix === prefix);
  if (existing) return existing;
  const label: StoredLabel = { id: String(state.nextId++), name, prefix };
  state.labels[label.id] = label;
  return label;
}

export function getPageLabels(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['prefix', 'sort', 'cursor', 'limit']);
  const page = visiblePage(ctx, ctx.pathParams.id ?? '');
  const prefix = queryString(ctx, 'prefix');
  const labels = page.labelIds.flatMap((id) => (ctx.state.labels[id] ? [ctx.state.labels[id]] : [])).filter((label) => !prefix || label.prefix === prefix);
  const sort = querySort(ctx, 'id');
  // The stand-in does not record when a label was added: created-date sorts in the order labels were added.
  const key = (label: StoredLabel): string | number =>
    sort.field === 'name' ? label.name : sort.field === 'created-date' ? page.labelIds.indexOf(label.id) : Number(label.id);
  return pagedList(ctx, labels, { key, descending: sort.descending }, ({ id, name, prefix: labelPrefix }) => ({ id, name, prefix: labelPrefix }));
}
