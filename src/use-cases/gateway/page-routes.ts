import { AppError } from '../../core/errors';
import { grantedSpace, requireSpace } from '../../core/scope';
import { iso } from '../../core/clock';
import type { TokenRecord } from '../../core/token';
import type { OwnerConfluence, UpstreamResponse } from '../../ports/confluence';
import type { RouteName } from './routes';

export interface RouteContext {
  token: TokenRecord;
  confluence: OwnerConfluence;
  id: string | undefined;
  query: URLSearchParams;
  body: string;
  /** What the audit event records about the target, filled in as it becomes known. */
  target: { spaceId: string | null; spaceKey: string | null; pageId: string | null };
}

type PageFields = { id?: unknown; spaceId?: unknown; parentId?: unknown };

function jsonObject(text: string): PageFields & Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_REQUEST', 'The request body must be JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError('INVALID_REQUEST', 'The request body must be a JSON object.');
  }
  return value as PageFields & Record<string, unknown>;
}

function ok(body: unknown): UpstreamResponse {
  return { status: 200, body: JSON.stringify(body), contentType: 'application/json' };
}

const isNumericId = (id: string) => /^\d{1,20}$/.test(id);

const optionalId = (value: unknown) => (value === undefined || value === null ? undefined : String(value));

type LookUp = { page: PageFields; response: UpstreamResponse } | { refusal: UpstreamResponse };

/** Looks a page up as the owner; Confluence's own refusal (e.g. 404) is kept to be returned as it is. */
async function lookUp(context: RouteContext, pageId: string, query = new URLSearchParams()): Promise<LookUp> {
  const response = await context.confluence.getPage(pageId, query);
  return response.status === 200 ? { page: JSON.parse(response.body) as PageFields, response } : { refusal: response };
}

/** A parent must be a page the owner can see, in the space the page lives in. */
async function requireParentIn(context: RouteContext, parentId: string, spaceId: string): Promise<void> {
  const parent = isNumericId(parentId) ? await lookUp(context, parentId) : undefined;
  if (!parent || !('page' in parent) || optionalId(parent.page.spaceId) !== spaceId) {
    throw new AppError('SPACE_NOT_GRANTED', 'The parent page is not in a space this token reaches.');
  }
}

/**
 * The request aims at this space: attribute it there (so that space's admins see it, refused or not),
 * then require the space to be in the token's scope.
 */
function aimAt(context: RouteContext, spaceId: unknown): void {
  const id = optionalId(spaceId);
  context.target.spaceId = id !== undefined && isNumericId(id) ? id : null;
  context.target.spaceKey = grantedSpace(context.token, id)?.key ?? null;
  requireSpace(context.token, id);
}

const handlers: Record<RouteName, (context: RouteContext) => Promise<UpstreamResponse>> = {
  async self({ token }) {
    return ok({
      id: token.id,
      label: token.label,
      ownerAccountId: token.ownerAccountId,
      spaces: token.spaces,
      operations: token.operations,
      expiresAt: iso(token.expiresAt),
    });
  },

  /** Only spaces in the token's scope, whatever keys or ids are asked for. */
  async listSpaces({ token, confluence, query }) {
    const asked = (name: string) => query.getAll(name).flatMap((value) => value.split(',')).filter(Boolean);
    const keys = asked('keys');
    const ids = asked('ids');
    const spaces = token.spaces.filter(
      (space) => (keys.length === 0 || keys.includes(space.key)) && (ids.length === 0 || ids.includes(space.id)),
    );
    if (spaces.length === 0) return ok({ results: [], _links: {} });
    const scoped = new URLSearchParams(query);
    scoped.delete('ids');
    scoped.set('keys', spaces.map((space) => space.key).join(','));
    return confluence.listSpaces(scoped);
  },

  async listSpacePages(context) {
    aimAt(context, context.id);
    return context.confluence.listSpacePages(context.id!, context.query);
  },

  async getPage(context) {
    context.target.pageId = context.id!;
    const found = await lookUp(context, context.id!, context.query);
    if ('refusal' in found) return found.refusal;
    aimAt(context, found.page.spaceId);
    return found.response;
  },

  async createPage(context) {
    const page = jsonObject(context.body);
    const spaceId = optionalId(page.spaceId);
    aimAt(context, spaceId);
    const parentId = optionalId(page.parentId);
    if (parentId !== undefined) await requireParentIn(context, parentId, spaceId!);
    const response = await context.confluence.createPage(context.body, context.query);
    if (response.status === 200) context.target.pageId = optionalId((JSON.parse(response.body) as PageFields).id) ?? null;
    return response;
  },

  /** The page must be in scope where it is and where it goes: moving it out is refused. */
  async updatePage(context) {
    const page = jsonObject(context.body);
    context.target.pageId = context.id!;
    const found = await lookUp(context, context.id!);
    if ('refusal' in found) return found.refusal;
    const current = found.page;
    aimAt(context, current.spaceId);
    const targetSpaceId = optionalId(page.spaceId) ?? optionalId(current.spaceId)!;
    requireSpace(context.token, targetSpaceId);
    const parentId = optionalId(page.parentId);
    if (parentId !== undefined && (parentId !== optionalId(current.parentId) || targetSpaceId !== optionalId(current.spaceId))) {
      await requireParentIn(context, parentId, targetSpaceId);
    }
    return context.confluence.updatePage(context.id!, context.body, context.query);
  },

  /** Deleting moves to the trash; purging is never allowed through a token. */
  async deletePage(context) {
    if (context.query.get('purge')?.toLowerCase() === 'true') {
      throw new AppError('PURGE_NOT_ALLOWED', 'Tokens cannot purge pages; deleted pages go to the trash.');
    }
    context.target.pageId = context.id!;
    const lookupQuery = new URLSearchParams(context.query.get('draft') === 'true' ? { 'get-draft': 'true' } : {});
    const found = await lookUp(context, context.id!, lookupQuery);
    if ('refusal' in found) return found.refusal;
    aimAt(context, found.page.spaceId);
    return context.confluence.deletePage(context.id!, context.query);
  },
};

export function runRoute(name: RouteName, context: RouteContext): Promise<UpstreamResponse> {
  return handlers[name](context);
}
