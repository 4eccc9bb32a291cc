import type { Operation } from '../../core/operations';
import { AppError } from '../../core/errors';

export type RouteName = 'self' | 'listSpaces' | 'listSpacePages' | 'getPage' | 'createPage' | 'updatePage' | 'deletePage';

interface RouteDefinition {
  pattern: RegExp;
  methods: Partial<Record<string, { name: RouteName; operation: Operation | 'self' }>>;
}

/** Numeric ids only: Confluence's ids are, and anything else must never reach a product route. */
const ROUTES: RouteDefinition[] = [
  { pattern: /^\/self$/, methods: { GET: { name: 'self', operation: 'self' } } },
  { pattern: /^\/wiki\/api\/v2\/spaces$/, methods: { GET: { name: 'listSpaces', operation: 'read' } } },
  { pattern: /^\/wiki\/api\/v2\/spaces\/(?<id>\d{1,20})\/pages$/, methods: { GET: { name: 'listSpacePages', operation: 'read' } } },
  { pattern: /^\/wiki\/api\/v2\/pages$/, methods: { POST: { name: 'createPage', operation: 'create' } } },
  {
    pattern: /^\/wiki\/api\/v2\/pages\/(?<id>\d{1,20})$/,
    methods: {
      GET: { name: 'getPage', operation: 'read' },
      PUT: { name: 'updatePage', operation: 'update' },
      DELETE: { name: 'deletePage', operation: 'delete' },
    },
  },
];

export interface MatchedRoute {
  name: RouteName;
  operation: Operation | 'self';
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
