import { AppError } from '../../core/errors';
import { jsonObject, type RouteDefinition } from './route';
import { ROUTES } from './routes';

interface CompiledRoute {
  pattern: RegExp;
  definition: RouteDefinition;
}

/** `{name}` → a numeric id only, or the route's own pattern for it: anything else must never reach a product route. */
function compile(definition: RouteDefinition): CompiledRoute {
  const source = definition.path
    .split(/(\{[A-Za-z]+\})/)
    .map((part) => {
      const name = /^\{([A-Za-z]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      return `(?<${name}>${definition.paramPatterns?.[name]?.source ?? '\\d{1,20}'})`;
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), definition };
}

/**
 * REST v1 as clients address it: `/wiki/rest/api/…` from the site root, `/rest/api/…` from a `/wiki`
 * base, and `/api/…` from clients that append only that (one MCP server does for some calls).
 */
const V1_PREFIX = /^(?:\/wiki\/rest|\/rest)?(\/api\/(?!v2(?:\/|$)).*)$/;

/** Which API family a path belongs to, so refusals come in that family's error shape. */
export function routeFamily(path: string): 'v1' | 'v2' {
  return V1_PREFIX.test(path) && !path.startsWith('/wiki/api/') ? 'v1' : 'v2';
}

function canonicalPath(path: string): string {
  const trimmed = withoutTrailingSlashes(path);
  return routeFamily(trimmed) === 'v1' ? `/wiki/rest${V1_PREFIX.exec(trimmed)![1]}` : trimmed;
}

const COMPILED = ROUTES.map(compile);

export interface MatchedRoute extends RouteDefinition {
  params: Record<string, string>;
}

/** The route for this method and path; 404 for an unknown path, 405 naming the allowed methods for a known one. */
export function matchRoute(method: string, path: string): MatchedRoute {
  const normalized = canonicalPath(path);
  const matches = COMPILED.flatMap(({ pattern, definition }) => {
    const match = pattern.exec(normalized);
    return match ? [{ definition, params: { ...match.groups } }] : [];
  });
  if (matches.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      'The gateway has no such route. It answers /self, REST v2 routes under /wiki/api/v2 and REST v1 routes under /wiki/rest/api: see the route table in docs/gateway-api.md.',
    );
  }
  const found = matches.find(({ definition }) => definition.method === method.toUpperCase());
  if (!found) {
    throw new AppError('METHOD_NOT_ALLOWED', `${method} is not supported here.`, { allow: matches.map(({ definition }) => definition.method) });
  }
  return { ...found.definition, params: found.params };
}

/** Walks back from the end: linear, where a `/\/+$/` regex backtracks quadratically over long runs of slashes. */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 0x2f) end -= 1;
  return path.slice(0, end);
}

/**
 * The body Confluence gets: the client's JSON object re-serialized from the route's allowed fields
 * only (own properties; `__proto__` and the like are never copied); nothing for a route without, or
 * for an empty body (the handler decides whether it needs one).
 */
export function routeBody(route: RouteDefinition, body: string): string {
  if (typeof route.body === 'function') return route.body(body);
  if (!route.body || body.trim() === '') return '';
  const sent = jsonObject(body);
  const kept = Object.fromEntries(route.body.filter((field) => Object.hasOwn(sent, field)).map((field) => [field, sent[field]]));
  return JSON.stringify(kept);
}

/** Keeps only the parameters the route defines. */
export function routeQuery(route: RouteDefinition, query: URLSearchParams): URLSearchParams {
  return new URLSearchParams([...query].filter(([name]) => route.query.includes(name)));
}
