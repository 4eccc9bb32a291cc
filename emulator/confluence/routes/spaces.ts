/** `/wiki/api/v2/spaces…`: list, get, and the caller's operations in a space. */
import { notFound } from '../errors';
import type { StoredSpace } from '../model';
import { can, spaceOperations } from '../permissions';
import { spaceView } from '../views';
import { passesSpaceFilters, SPACE_INCLUDES, SPACE_LIST_FILTERS, spaceIcon, spaceIncludes } from './space-includes';
import { pagedList, queryList, querySort, queryString, rejectUnsupportedQuery, type RouteContext, type RouteResult } from './context';

/** The space, if the actor may view it; otherwise 404, as for a space that does not exist. */
export function visibleSpace(ctx: RouteContext, id: string): StoredSpace {
  const space = ctx.state.spaces[id];
  if (!space || !can(space, ctx.actor, 'read')) throw notFound();
  return space;
}

function descriptionFormat(ctx: RouteContext): 'plain' | 'view' | undefined {
  const format = queryString(ctx, 'description-format');
  return format === 'plain' || format === 'view' ? format : undefined;
}

export function listSpaces(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['ids', 'keys', 'type', 'status', 'sort', 'description-format', 'cursor', 'limit', ...SPACE_LIST_FILTERS]);
  const ids = queryList(ctx, 'ids');
  const keys = queryList(ctx, 'keys');
  const type = queryString(ctx, 'type');
  const status = queryString(ctx, 'status');
  const spaces = Object.values(ctx.state.spaces).filter(
    (space) =>
      can(space, ctx.actor, 'read') &&
      (!ids || ids.includes(space.id)) &&
      (!keys || keys.includes(space.key)) &&
      (!type || type === 'global') &&
      (!status || status === 'current') &&
      passesSpaceFilters(ctx),
  );
  const sort = querySort(ctx, 'id');
  const sortKey = (space: StoredSpace): string | number => (sort.field === 'key' ? space.key : sort.field === 'name' ? space.name : Number(space.id));
  const format = descriptionFormat(ctx);
  return pagedList(ctx, spaces, { key: sortKey, descending: sort.descending }, (space) => ({ ...spaceView(space, { descriptionFormat: format }), ...spaceIcon(ctx) }));
}

export function getSpace(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['description-format', ...SPACE_INCLUDES]);
  const space = visibleSpace(ctx, ctx.pathParams.id ?? '');
  return { status: 200, body: { ...spaceView(space, { descriptionFormat: descriptionFormat(ctx), base: ctx.base }), ...spaceIncludes(ctx, space) } };
}

export function getSpaceOperations(ctx: RouteContext): RouteResult {
  const space = visibleSpace(ctx, ctx.pathParams.id ?? '');
  return { status: 200, body: { operations: spaceOperations(space, ctx.actor) } };
}
