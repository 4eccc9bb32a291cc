/** Rules shared by creating, moving and restoring pages: title uniqueness and where a page may go. */
import { badRequest, notFound } from '../errors';
import type { ConfluenceState, StoredPage, StoredSpace } from '../model';
import { canViewPage } from '../permissions';
import type { RouteContext } from './context';

/**
 * Confluence keeps published titles unique within a space, and says so even when the clashing page
 * is one the caller cannot see.
 */
export function assertTitleFree(state: ConfluenceState, spaceId: string, title: string, except: ReadonlySet<string> = new Set()): void {
  const clash = Object.values(state.pages).some((p) => p.spaceId === spaceId && p.status === 'current' && p.title === title && !except.has(p.id));
  if (clash) throw badRequest('A page with this title already exists: A page already exists with the same TITLE in this space');
}

/** The page and everything under it. */
export function subtree(state: ConfluenceState, rootId: string): StoredPage[] {
  const found: StoredPage[] = [];
  const queue = [rootId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const page = state.pages[id];
    if (!page || found.includes(page)) continue;
    found.push(page);
    for (const child of Object.values(state.pages)) if (child.parentId === id) queue.push(child.id);
  }
  return found;
}

/**
 * The parent a page may be placed under: one the actor can see (404 otherwise, as the spec says),
 * published, and in the same space.
 */
export function checkedParent(ctx: RouteContext, space: StoredSpace, parentId: string): StoredPage {
  const parent = ctx.state.pages[parentId];
  if (!parent || parent.status !== 'current' || !canViewPage(ctx.state, parent, ctx.actor)) throw notFound();
  if (parent.spaceId !== space.id) throw badRequest('The parent page must be in the same space as the page');
  return parent;
}
