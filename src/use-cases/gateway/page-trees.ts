import { decideFromParent, decideWithinList, learnFromAncestors, type TreeKnowledge } from '../../core/page-tree';
import { AppError } from '../../core/errors';
import type { TokenRecord } from '../../core/token';
import type { OwnerConfluence } from '../../ports/confluence';

export interface TreePage {
  id: string;
  parentId: string | null | undefined;
}

/**
 * The most pages a list answers a token limited to page trees: what one CQL search can place in the
 * trees (see `filter`). A longer page is asked as this many, and Confluence's own `next` link goes on.
 */
export const TREE_LIST_LIMIT = 100;

/**
 * The token's page trees for one request, at a fixed cost in Confluence calls:
 * - one page (the target, a parent): its ancestors, asked at the same time as the page itself
 *   (`prefetch`), so a page outside the trees and a missing page cost the same calls and time;
 * - a list: what the list's own parent links tell, then one CQL search placing all the rest at once.
 * Nothing is kept across requests: a page moved out of a tree is out at the next request.
 */
export class PageTrees {
  private readonly roots: ReadonlySet<string>;
  private readonly known: TreeKnowledge = new Map();
  private readonly ancestry = new Map<string, Promise<string[]>>();

  constructor(token: Pick<TokenRecord, 'pages'>, private readonly confluence: OwnerConfluence) {
    this.roots = new Set(token.pages.map((page) => page.id));
  }

  /** False for a token reaching its whole spaces. */
  get limited(): boolean {
    return this.roots.size > 0;
  }

  /** Starts asking for a page's ancestors, to run alongside the page's own look-up; settles without throwing. */
  prefetch(pageId: string): Promise<unknown> {
    if (!this.limited) return Promise.resolve();
    return this.ancestorsOf(pageId).catch(() => undefined);
  }

  async contains(page: TreePage): Promise<boolean> {
    if (!this.limited) return true;
    const decided = decideFromParent(this.roots, this.known, page.id, page.parentId);
    if (decided !== undefined) {
      this.known.set(page.id, decided); // so its children, listed later, are decided without a call
      return decided;
    }
    return learnFromAncestors(this.roots, this.known, page.id, await this.ancestorsOf(page.id));
  }

  /** The pages of a list that are inside, in their order: at most one Confluence call, whatever the list. */
  async filter<T extends TreePage>(pages: readonly T[]): Promise<T[]> {
    if (!this.limited) return [...pages];
    const undecided = decideWithinList(this.roots, this.known, pages);
    if (undecided.length > 0) {
      const inside = await this.insideOf(undecided);
      for (const id of undecided) this.known.set(id, inside.has(id));
    }
    return pages.filter((page) => this.known.get(page.id) === true);
  }

  /** A page's ancestors (highest first) that are inside: from the first root down; none when no root is among them. */
  fromRootDown<T>(ancestors: readonly T[], idOf: (ancestor: T) => string): T[] {
    const first = ancestors.findIndex((ancestor) => this.roots.has(idOf(ancestor)));
    return first === -1 ? [] : ancestors.slice(first);
  }

  /**
   * Which of these pages are below a root, in one CQL search as the owner (`ancestor in (roots)`).
   * Search finds published pages once indexed: a page just created, or not current, is not found
   * and counts as outside until it is, unless the list's parent links placed it already.
   */
  private async insideOf(ids: string[]): Promise<Set<string>> {
    if (ids.length > TREE_LIST_LIMIT) throw new AppError('INVALID_REQUEST', `A token limited to page trees lists at most ${TREE_LIST_LIMIT} pages at a time.`);
    const numeric = ids.filter((id) => /^\d{1,20}$/.test(id));
    if (numeric.length === 0) return new Set();
    const cql = `type = page AND id in (${numeric.join(',')}) AND ancestor in (${[...this.roots].join(',')})`;
    const response = await this.confluence.search('content', new URLSearchParams({ cql, limit: String(TREE_LIST_LIMIT) }));
    if (response.status !== 200) throw new AppError('UPSTREAM_ERROR', `Confluence answered ${response.status} placing pages in the token's page trees.`);
    const { results = [] } = JSON.parse(response.body) as { results?: Array<{ id?: unknown }> };
    return new Set(results.map((result) => String(result.id)));
  }

  private ancestorsOf(pageId: string): Promise<string[]> {
    let asked = this.ancestry.get(pageId);
    if (!asked) this.ancestry.set(pageId, (asked = this.askAncestors(pageId)));
    return asked;
  }

  private async askAncestors(pageId: string): Promise<string[]> {
    // 250, the most v2 gives: a root further up than that is not found, and the page counts as outside.
    const response = await this.confluence.listRelatedPages(pageId, 'ancestors', new URLSearchParams({ limit: '250' }));
    // The owner cannot see the page (any more): nothing under a root is provable, so it is outside.
    if (response.status === 404) return [];
    if (response.status !== 200) throw new AppError('UPSTREAM_ERROR', `Confluence answered ${response.status} for a page's ancestors.`);
    const { results = [] } = JSON.parse(response.body) as { results?: Array<{ id?: unknown }> };
    return results.map((ancestor) => String(ancestor.id));
  }
}
