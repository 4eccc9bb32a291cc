/**
 * The spaces routes' optional parameters the stand-in has no data for beyond what it models: space
 * labels, properties and favourites do not exist in it, so a space has none of them; every space
 * shows Confluence's default icon. GET /spaces/{id}'s include-* parameters add SpaceSingle's fields
 * (as lists of at most 50); include-role-assignments (EAP sites only)
 * has no field in the spec's SpaceSingle and adds nothing.
 */
import type { StoredSpace } from '../model';
import { spaceOperations } from '../permissions';
import { includedList as listed, queryBoolean, queryList, queryString, type RouteContext } from './context';

export const SPACE_LIST_FILTERS = ['labels', 'favorited-by', 'not-favorited-by', 'include-icon'] as const;
export const SPACE_INCLUDES = ['include-icon', 'include-operations', 'include-properties', 'include-permissions', 'include-role-assignments', 'include-labels'] as const;

/** Confluence's icon for a space that has not uploaded one. */
const DEFAULT_ICON = { path: '/wiki/images/logo/default-space-logo.svg' };

/** Whether the space passes the labels and favourites filters (no space has labels or favourites here). */
export function passesSpaceFilters(ctx: RouteContext): boolean {
  if ((queryList(ctx, 'labels') ?? []).length > 0) return false;
  return queryString(ctx, 'favorited-by') === undefined;
}

export function spaceIcon(ctx: RouteContext): Record<string, unknown> {
  return queryBoolean(ctx, 'include-icon') === true ? { icon: { ...DEFAULT_ICON } } : {};
}

export function spaceIncludes(ctx: RouteContext, space: StoredSpace): Record<string, unknown> {
  const wanted = (name: (typeof SPACE_INCLUDES)[number]) => queryBoolean(ctx, name) === true;
  const at = `/api/v2/spaces/${space.id}`;
  const fields: Record<string, unknown> = spaceIcon(ctx);
  if (wanted('include-labels')) fields.labels = listed([], `${at}/labels`);
  if (wanted('include-properties')) fields.properties = listed([], `${at}/properties`);
  if (wanted('include-operations')) fields.operations = listed(spaceOperations(space, ctx.actor), `${at}/operations`);
  if (wanted('include-permissions')) {
    const assignments = Object.entries(space.grants).flatMap(([accountId, operations]) =>
      operations.map((operation) => ({
        id: `${space.id}-${accountId}-${operation}`,
        principal: { type: 'user', id: accountId },
        // Page rights are granted on the space's pages; reading and administering on the space itself.
        operation: { key: operation, targetType: operation === 'read' || operation === 'administer' ? 'space' : 'page' },
      })),
    );
    fields.permissions = listed(assignments, `${at}/permissions`);
  }
  return fields;
}
