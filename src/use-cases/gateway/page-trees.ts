import { decideFromParent, learnFromAncestors, type TreeKnowledge } from '../../core/page-tree';
import { AppError } from '../../core/errors';
import type { TokenRecord } from '../../core/token';
import type { OwnerConfluence } from '../../ports/confluence';

export interface TreePage {
  id: string;
  parentId: string | null | undefined;
}

/**
 * The token's page trees for one request. It asks Confluence for a page's ancestors (one call) only
 * when the page's parent does not already tell, and remembers the answer for the whole chain, so a
 * list of siblings costs one call, not one per page. Nothing is kept across requests: a page moved
 * out of a tree is out at the next request.
 */
export class PageTrees {
  private readonly roots: ReadonlySet<string>;
  private readonly known: TreeKnowledge = new Map();

  constructor(token: Pick<TokenRecord, 'pages'>, private readonly confluence: OwnerConfluence) {
    this.roots = new Set(token.pages.map((page) => page.id));
  }

  /** False for a token reaching its whole spaces. */
  get limited(): boolean {
    return this.roots.size > 0;
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

  /** The pages of a list that are inside, in their order; pages whose parents are listed earlier cost nothing. */
  async filter<T extends TreePage>(pages: readonly T[]): Promise<T[]> {
    const kept: T[] = [];
    for (const page of pages) if (await this.contains(page)) kept.push(page);
    return kept;
  }

  /** A page's ancestors (highest first) that are inside: from the first root down; none when no root is among them. */
  fromRootDown<T>(ancestors: readonly T[], idOf: (ancestor: T) => string): T[] {
    const first = ancestors.findIndex((ancestor) => this.roots.has(idOf(ancestor)));
    return first === -1 ? [] : ancestors.slice(first);
  }

  private async ancestorsOf(pageId: string): Promise<string[]> {
    // 250, the most v2 gives: a root further up than that is not found, and the page counts as outside.
    const response = await this.confluence.listRelatedPages(pageId, 'ancestors', new URLSearchParams({ limit: '250' }));
    // The owner cannot see the page (any more): nothing under a root is provable, so it is outside.
    if (response.status === 404) return [];
    if (response.status !== 200) throw new AppError('UPSTREAM_ERROR', `Confluence answered ${response.status} for a page's ancestors.`);
    const { results = [] } = JSON.parse(response.body) as { results?: Array<{ id?: unknown }> };
    return results.map((ancestor) => String(ancestor.id));
  }
}
