/** Writing pages: `POST /pages`, `PUT /pages/{id}` (edit, publish, move, restore), `DELETE /pages/{id}`. */
import { bodyFromRequest } from '../bodies';
import { ApiError, badRequest, notFound, notPermitted } from '../errors';
import type { StoredPage, StoredSpace, StoredVersion } from '../model';
import { can, canDeletePage, canUpdatePage } from '../permissions';
import { pageView } from '../views';
import { queryBoolean, rejectUnsupportedQuery, requireObjectBody, type RouteContext, type RouteResult } from './context';
import { assertTitleFree, checkedParent, subtree } from './page-rules';
import { spaceKeyOf, visiblePage } from './pages-read';
import { visibleSpace } from './spaces';

function newVersion(ctx: RouteContext, number: number, message: unknown): StoredVersion {
  return { number, message: typeof message === 'string' ? message : '', minorEdit: false, authorId: ctx.actor.accountId, createdAt: ctx.now };
}

function written(ctx: RouteContext, page: StoredPage): RouteResult {
  const view = pageView(page, spaceKeyOf(ctx.state, page), { bodyFormat: page.body.representation, base: ctx.base });
  return { status: 200, body: view, mutated: true };
}

/** Drafts stay at version 1 until published; a published page needs exactly current + 1. */
function checkVersion(page: StoredPage, given: unknown): number {
  const expected = page.status === 'draft' ? 1 : page.version.number + 1;
  if (given !== expected) {
    throw new ApiError(409, `Version must be incremented on update. Current version is: ${page.version.number}`);
  }
  return expected;
}

export function createPage(ctx: RouteContext): RouteResult {
  // embedded only says where Confluence stores the content (NCS): nothing a client of the API sees differs.
  rejectUnsupportedQuery(ctx, ['root-level', 'private', 'embedded']);
  const input = requireObjectBody(ctx);
  const status = input.status === 'draft' ? 'draft' : 'current';
  const title = typeof input.title === 'string' ? input.title : '';
  if (status === 'current' && title.trim() === '') throw badRequest('A title is required to publish a page');
  const space = visibleSpace(ctx, String(input.spaceId));
  if (!can(space, ctx.actor, 'create')) throw notPermitted();
  const rootLevel = queryBoolean(ctx, 'root-level') === true;
  if (rootLevel && input.parentId !== undefined) throw badRequest('parentId cannot be given with root-level=true');
  const parentId = rootLevel
    ? null
    : input.parentId !== undefined
      ? checkedParent(ctx, space, String(input.parentId)).id
      : ctx.state.pages[space.homepageId]?.status === 'current'
        ? space.homepageId
        : null;
  if (status === 'current') assertTitleFree(ctx.state, space.id, title);
  const body = bodyFromRequest(input.body);
  const id = String(ctx.state.nextId++);
  const page: StoredPage = {
    id,
    spaceId: space.id,
    parentId,
    title,
    status,
    authorId: ctx.actor.accountId,
    ownerId: ctx.actor.accountId,
    lastOwnerId: null,
    createdAt: ctx.now,
    version: newVersion(ctx, 1, undefined),
    body,
    // A private page: only its creator may view and edit it.
    restrictions: queryBoolean(ctx, 'private') === true ? { read: [ctx.actor.accountId], update: [ctx.actor.accountId] } : { read: [], update: [] },
    history: [],
    labelIds: [],
  };
  ctx.state.pages[id] = page;
  return written(ctx, page);
}

/** Where the update puts the page; a move needs rights at the source and at the destination. */
function destination(ctx: RouteContext, page: StoredPage, space: StoredSpace, input: Record<string, unknown>): { space: StoredSpace; parentId: string | null } | undefined {
  const target = input.spaceId !== undefined && String(input.spaceId) !== page.spaceId ? visibleSpace(ctx, String(input.spaceId)) : space;
  const crossSpace = target !== space;
  if (!crossSpace && (input.parentId === undefined || String(input.parentId) === page.parentId)) return undefined;
  if (crossSpace && page.id === space.homepageId) throw badRequest('A space homepage cannot be moved to another space');
  const allowed = crossSpace ? can(space, ctx.actor, 'delete') && can(target, ctx.actor, 'create') : can(space, ctx.actor, 'create');
  if (!allowed) throw notPermitted();
  const parentId = input.parentId !== undefined ? checkedParent(ctx, target, String(input.parentId)).id : target.homepageId;
  if (subtree(ctx.state, page.id).some((p) => p.id === parentId)) throw badRequest('A page cannot be moved under itself or one of its descendants');
  return { space: target, parentId };
}

function restore(ctx: RouteContext, page: StoredPage, input: Record<string, unknown>): RouteResult {
  if (input.status !== 'current') throw badRequest('A trashed page can only be restored to status current');
  const number = checkVersion(page, (input.version as { number?: unknown } | undefined)?.number);
  assertTitleFree(ctx.state, page.spaceId, page.title);
  const parent = page.parentId ? ctx.state.pages[page.parentId] : undefined;
  const homepageId = ctx.state.spaces[page.spaceId]?.homepageId;
  if (page.parentId && parent?.status !== 'current') page.parentId = homepageId && homepageId !== page.id ? homepageId : null;
  page.history.push({ spaceId: page.spaceId, title: page.title, body: page.body, version: page.version });
  page.status = 'current';
  page.version = newVersion(ctx, number, (input.version as { message?: unknown } | undefined)?.message);
  return written(ctx, page);
}

export function updatePage(ctx: RouteContext): RouteResult {
  const input = requireObjectBody(ctx);
  const id = ctx.pathParams.id ?? '';
  if (String(input.id) !== id) throw badRequest('The id in the body must be the id of the page in the path');
  const page = visiblePage(ctx, id);
  if (page.status === 'trashed') return restore(ctx, page, input);
  const status = input.status === 'draft' ? 'draft' : 'current';
  if (page.status === 'current' && status === 'draft') throw new ApiError(501, 'The Confluence stand-in does not model drafts of published pages');
  if (!canUpdatePage(ctx.state, page, ctx.actor)) throw notPermitted();
  const version = (input.version ?? {}) as { number?: unknown; message?: unknown };
  const number = checkVersion(page, version.number);
  const space = ctx.state.spaces[page.spaceId]!;
  const move = destination(ctx, page, space, input);
  const moved = move ? subtree(ctx.state, page.id) : [page];
  const title = String(input.title);
  if (status === 'current') {
    const except = new Set(moved.map((p) => p.id));
    assertTitleFree(ctx.state, move?.space.id ?? space.id, title, except);
    if (move && move.space !== space) moved.filter((p) => p !== page && p.status === 'current').forEach((p) => assertTitleFree(ctx.state, move.space.id, p.title, except));
  }
  const newOwner = input.ownerId !== undefined && String(input.ownerId) !== page.ownerId ? String(input.ownerId) : undefined;
  if (newOwner !== undefined) {
    if (page.ownerId !== ctx.actor.accountId && !can(space, ctx.actor, 'administer')) throw notPermitted();
    if (!ctx.state.users[newOwner]) throw badRequest(`No user has the accountId ${newOwner}`);
  }
  const body = bodyFromRequest(input.body);

  if (page.status === 'current') page.history.push({ spaceId: page.spaceId, title: page.title, body: page.body, version: page.version });
  Object.assign(page, { title, body, status, version: newVersion(ctx, number, version.message) });
  if (newOwner !== undefined) Object.assign(page, { lastOwnerId: page.ownerId, ownerId: newOwner });
  if (move) {
    page.parentId = move.parentId;
    moved.forEach((p) => (p.spaceId = move.space.id));
  }
  return written(ctx, page);
}

export function deletePage(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['purge', 'draft']);
  const page = visiblePage(ctx, ctx.pathParams.id ?? '');
  const removed: RouteResult = { status: 204, mutated: true };
  if (queryBoolean(ctx, 'draft') === true) {
    // Discarded drafts skip the trash.
    if (page.status !== 'draft') throw notFound();
    delete ctx.state.pages[page.id];
    return removed;
  }
  if (page.status === 'draft') throw notFound();
  if (queryBoolean(ctx, 'purge') === true) {
    // Only space admins see the trash, so a visible trashed page is one the actor may purge.
    if (page.status !== 'trashed') throw badRequest('Only a trashed page can be purged; delete it first');
    delete ctx.state.pages[page.id];
    return removed;
  }
  if (page.status === 'trashed') throw notFound();
  if (!canDeletePage(ctx.state, page, ctx.actor)) throw notPermitted();
  // As in Confluence, the children of a trashed page move up to its parent.
  for (const child of Object.values(ctx.state.pages)) if (child.parentId === page.id) child.parentId = page.parentId;
  page.status = 'trashed';
  return removed;
}
