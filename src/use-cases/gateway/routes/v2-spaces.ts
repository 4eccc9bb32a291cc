/** REST v2 space routes. */
import { listParam, ok, type RouteDefinition } from '../route';
import { aimAt, keepInScope } from '../scope-guard';

export const V2_SPACE_ROUTES: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/wiki/api/v2/spaces',
    operation: 'read',
    query: ['ids', 'keys', 'type', 'status', 'labels', 'favorited-by', 'not-favorited-by', 'sort', 'description-format', 'include-icon', 'cursor', 'limit'],
    /** Only spaces in the token's scope, whatever keys or ids are asked for. */
    async handler({ token, confluence, query }) {
      const keys = listParam(query, 'keys') ?? [];
      const ids = listParam(query, 'ids') ?? [];
      const spaces = token.spaces.filter(
        (space) => (keys.length === 0 || keys.includes(space.key)) && (ids.length === 0 || ids.includes(space.id)),
      );
      if (spaces.length === 0) return ok({ results: [], _links: {} });
      // Asked by id: a key the token recorded may since name another space.
      const scoped = new URLSearchParams(query);
      scoped.delete('keys');
      scoped.set('ids', spaces.map((space) => space.id).join(','));
      return confluence.listSpaces(scoped);
    },
  },
  {
    method: 'GET',
    path: '/wiki/api/v2/spaces/{id}',
    operation: 'read',
    query: ['description-format', 'include-icon', 'include-operations', 'include-properties', 'include-permissions', 'include-role-assignments', 'include-labels'],
    async handler(context) {
      aimAt(context, context.params.id);
      return context.confluence.getSpace(context.params.id, context.query);
    },
  },
  {
    method: 'GET',
    path: '/wiki/api/v2/spaces/{id}/pages',
    operation: 'read',
    query: ['depth', 'sort', 'status', 'title', 'body-format', 'cursor', 'limit'],
    async handler(context) {
      aimAt(context, context.params.id);
      return keepInScope(context, await context.confluence.listSpacePages(context.params.id, context.query));
    },
  },
];
