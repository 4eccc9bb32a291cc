/** Who may see and do what, by Confluence's rules as the stand-in models them. */
import type { Identity } from '../product';
import type { ConfluenceState, SpaceOperation, StoredPage, StoredSpace } from './model';
import { APP_ACCOUNT_ID } from './seed';

export interface Actor {
  accountId: string;
  /** False for an accountId the site does not know: it may do nothing. */
  known: boolean;
  siteAdmin: boolean;
}

export interface Operation {
  operation: string;
  targetType: string;
}

const ALL_OPERATIONS: SpaceOperation[] = ['read', 'create', 'update', 'delete', 'administer'];

export function actorFor(state: ConfluenceState, identity: Identity): Actor {
  const accountId = identity.kind === 'app' ? APP_ACCOUNT_ID : identity.accountId;
  const user = state.users[accountId];
  return { accountId, known: user !== undefined, siteAdmin: user?.siteAdmin ?? false };
}

export function spaceGrants(space: StoredSpace, actor: Actor): Set<SpaceOperation> {
  if (actor.siteAdmin) return new Set(ALL_OPERATIONS);
  const granted = actor.known ? (space.grants[actor.accountId] ?? []) : [];
  return new Set(granted.includes('administer') ? ALL_OPERATIONS : granted);
}

export function can(space: StoredSpace, actor: Actor, operation: SpaceOperation): boolean {
  return spaceGrants(space, actor).has(operation);
}

function listedIn(restriction: string[], actor: Actor): boolean {
  return restriction.length === 0 || actor.siteAdmin || restriction.includes(actor.accountId);
}

/** View restrictions are inherited: every ancestor's must let the actor in. */
function readRestrictionsAllow(state: ConfluenceState, page: StoredPage, actor: Actor): boolean {
  const seen = new Set<string>();
  for (let at: StoredPage | undefined = page; at && !seen.has(at.id); at = at.parentId ? state.pages[at.parentId] : undefined) {
    seen.add(at.id);
    if (!listedIn(at.restrictions.read, actor)) return false;
  }
  return true;
}

/**
 * Drafts are visible to their author only; the trash to space admins only (who manage it).
 */
export function canViewPage(state: ConfluenceState, page: StoredPage, actor: Actor): boolean {
  const space = state.spaces[page.spaceId];
  if (!space || !can(space, actor, 'read') || !readRestrictionsAllow(state, page, actor)) return false;
  if (page.status === 'draft') return page.authorId === actor.accountId;
  if (page.status === 'trashed') return can(space, actor, 'administer');
  return true;
}

function editRestrictionAllows(page: StoredPage, actor: Actor): boolean {
  return listedIn(page.restrictions.update, actor);
}

export function canUpdatePage(state: ConfluenceState, page: StoredPage, actor: Actor): boolean {
  const space = state.spaces[page.spaceId];
  return !!space && canViewPage(state, page, actor) && can(space, actor, 'update') && editRestrictionAllows(page, actor);
}

export function canDeletePage(state: ConfluenceState, page: StoredPage, actor: Actor): boolean {
  const space = state.spaces[page.spaceId];
  return !!space && canViewPage(state, page, actor) && can(space, actor, 'delete') && editRestrictionAllows(page, actor);
}

/** `GET /spaces/{id}/operations`: what the actor may do in the space. */
export function spaceOperations(space: StoredSpace, actor: Actor): Operation[] {
  const grants = spaceGrants(space, actor);
  const operations: Operation[] = [];
  if (grants.has('read')) operations.push({ operation: 'read', targetType: 'space' });
  for (const operation of ['create', 'update', 'delete'] as const) {
    if (grants.has(operation)) operations.push({ operation, targetType: 'page' });
  }
  if (grants.has('administer')) operations.push({ operation: 'administer', targetType: 'space' });
  return operations;
}

/** `GET /pages/{id}/operations`: what the actor may do with the page. */
export function pageOperations(state: ConfluenceState, page: StoredPage, actor: Actor): Operation[] {
  const operations: Operation[] = [{ operation: 'read', targetType: 'page' }];
  if (canUpdatePage(state, page, actor)) operations.push({ operation: 'update', targetType: 'page' });
  if (canDeletePage(state, page, actor)) operations.push({ operation: 'delete', targetType: 'page' });
  return operations;
}
