import type { Operation } from '../../core/operations';
import { AppError } from '../../core/errors';

export type RouteName = 'self' | 'listSpaces' | 'listSpacePages' | 'getPage' | 'createPage' | 'updatePage' | 'deletePage';

interface Target {
  name: RouteName;
  operation: Operation | 'self';
  /** The query parameters Confluence's spec defines for the route; others are dropped, as Confluence ignores them. */
  query: readonly string[];
}

interface RouteDefinition {
  pattern: RegExp;
  methods: Partial<Record<string, Target>>;
}

const PAGE_READ_QUERY = [
  'body-format', 'get-draft', 'status', 'version', 'include-labels', 'include-properties', 'include-operations',
  'include-likes', 'include-versions', 'include-version', 'include-favorited-by-current-user-status',
  'include-webresources', 'include-collaborators', 'include-direct-children',
];

/** Numeric ids only: Confluence's ids are, and anything else must never reach a product route. */
const ROUTES: RouteDefinition[] = [
  { pattern: /^\/self$/, methods: { GET: { name: 'self', operation: 'self', query: [] } } },
  {
    pattern: /^\/wiki\/api\/v2\/spaces$/,
    methods: {
      GET: {
        name: 'listSpaces',
        operation: 'read',
        query: ['ids', 'keys', 'type', 'status', 'labels', 'favorited-by', 'not-favorited-by', 'sort', 'description-format', 'include-icon', 'cursor', 'limit'],
      },
    },
  },
  {
    pattern: /^\/wiki\/api\/v2\/spaces\/(?<id>\d{1,20})\/pages$/,
    methods: {
      GET: { name: 'listSpacePages', operation: 'read', query: ['depth', 'sort', 'status', 'title', 'body-format', 'cursor', 'limit'] },
    },
  },
  {
    pattern: /^\/wiki\/api\/v2\/pages$/,
    methods: { POST: { name: 'createPage', operation: 'create', query: ['embedded', 'private', 'root-level'] } },
  },
  {
    pattern: /^\/wiki\/api\/v2\/pages\/(?<id>\d{1,20})$/,
    methods: {
      GET: { name: 'getPage', operation: 'read', query: PAGE_READ_QUERY },
      PUT: { name: 'updatePage', operation: 'update', query: [] },
      DELETE: { name: 'deletePage', operation: 'delete', query: ['purge', 'draft'] },
    },
  },
];

export interface MatchedRoute extends Target {
  id: string | undefined;
}

export function matchRoute(method: string, path: string): MatchedRoute {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const route of ROUTES) {
    const match = route.pattern.exec(normalized);
    if (!match) continue;
    const target = route.methods[method.toUpperCase()];
    if (!target) {
      throw new AppError('METHOD_NOT_ALLOWED', `${method} is not supported here.`, { allow: Object.keys(route.methods) });
    }
    return { ...target, id: match.groups?.id };
  }
  throw new AppError('NOT_FOUND', 'The gateway has no such route. See /self and the /wiki/api/v2 page routes.');
}

/** Keeps only the parameters the route defines. */
export function routeQuery(route: MatchedRoute, query: URLSearchParams): URLSearchParams {
  return new URLSearchParams([...query].filter(([name]) => route.query.includes(name)));
}
