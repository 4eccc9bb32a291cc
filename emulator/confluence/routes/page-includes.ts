/**
 * GET /pages/{id}'s `include-*` parameters: each adds a field to the page, as PageSingle in the v2
 * spec defines it. The spec's PageSingle has no field for include-webresources,
 * include-collaborators or include-direct-children, so those are accepted and add nothing.
 */
import type { StoredPage } from '../model';
import { pageOperations } from '../permissions';
import { includedList as included, queryBoolean, type RouteContext } from './context';

export const PAGE_INCLUDES = [
  'include-labels',
  'include-properties',
  'include-operations',
  'include-likes',
  'include-versions',
  'include-favorited-by-current-user-status',
  'include-webresources',
  'include-collaborators',
  'include-direct-children',
] as const;

/** The fields the request's include-* parameters ask for, for a page the actor may view. */
export function pageIncludes(ctx: RouteContext, page: StoredPage): Record<string, unknown> {
  const wanted = (name: (typeof PAGE_INCLUDES)[number]) => queryBoolean(ctx, name) === true;
  const at = `/api/v2/pages/${page.id}`;
  const fields: Record<string, unknown> = {};
  if (wanted('include-labels')) {
    const labels = page.labelIds.flatMap((id) => (ctx.state.labels[id] ? [ctx.state.labels[id]] : []));
    fields.labels = included(labels.map(({ id, name, prefix }) => ({ id, name, prefix })), `${at}/labels`);
  }
  if (wanted('include-properties')) {
    const properties = Object.values(ctx.state.properties).filter((property) => property.pageId === page.id).sort((a, b) => a.key.localeCompare(b.key));
    fields.properties = included(properties.map(({ id, key, value, version }) => ({ id, key, value, version: { ...version } })), `${at}/properties`);
  }
  if (wanted('include-operations')) fields.operations = included(pageOperations(ctx.state, page, ctx.actor), `${at}/operations`);
  // The stand-in models no likes and no favourites: nobody has liked or favourited a page.
  if (wanted('include-likes')) fields.likes = included([], `${at}/likes/users`);
  if (wanted('include-favorited-by-current-user-status')) fields.isFavoritedByCurrentUser = false;
  if (wanted('include-versions')) {
    // Newest first, as GET /pages/{id}/versions lists them by default.
    const versions = [page.version, ...page.history.map((snapshot) => snapshot.version)].filter((version, index, all) => all.findIndex((v) => v.number === version.number) === index);
    fields.versions = included(versions.sort((a, b) => b.number - a.number).map((version) => ({ ...version })), `${at}/versions`);
  }
  return fields;
}
