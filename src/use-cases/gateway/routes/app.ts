/** The gateway's own routes, which Confluence does not have. */
import { iso } from '../../../core/clock';
import { ok, type RouteDefinition } from '../route';

export const APP_ROUTES: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/self',
    operation: 'self',
    query: [],
    async handler({ token }) {
      return ok({
        id: token.id,
        label: token.label,
        ownerAccountId: token.ownerAccountId,
        spaces: token.spaces,
        operations: token.operations,
        expiresAt: iso(token.expiresAt),
      });
    },
  },
];
