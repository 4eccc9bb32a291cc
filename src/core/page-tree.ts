/**
 * Page-tree scope: a token limited to page trees reaches the roots and everything under them. A page is
 * inside when it is a root or its parent is inside; these decisions need ancestry, which only
 * Confluence knows, so they work on what the gateway has learnt so far and say when they need more.
 */

/** What one request has learnt: page id → inside a tree or not. */
export type TreeKnowledge = Map<string, boolean>;

/**
 * Inside (true), outside (false), or undefined when only the page's ancestors can tell. A root-level
 * page (parent null) is outside unless it is a root itself; a parent not given at all (undefined, as in
 * results that do not carry one) is unknown.
 */
export function decideFromParent(roots: ReadonlySet<string>, known: TreeKnowledge, id: string, parentId: string | null | undefined): boolean | undefined {
  if (roots.has(id)) return true;
  if (known.has(id)) return known.get(id);
  if (parentId === undefined) return undefined;
  if (parentId === null || parentId === '') return false;
  if (roots.has(parentId)) return true;
  return known.get(parentId);
}

/**
 * Decides what a list's own parent links tell, in any order (a parent may be listed after its child),
 * and returns the ids still undecided: pages whose parents are not in the list and not yet known.
 */
export function decideWithinList(roots: ReadonlySet<string>, known: TreeKnowledge, pages: ReadonlyArray<{ id: string; parentId: string | null | undefined }>): string[] {
  let open = [...pages];
  for (let changed = true; changed; ) {
    changed = false;
    open = open.filter((page) => {
      const decided = decideFromParent(roots, known, page.id, page.parentId);
      if (decided === undefined) return true;
      known.set(page.id, decided);
      changed = true;
      return false;
    });
  }
  return [...new Set(open.map((page) => page.id))];
}

/**
 * Learns from a page's ancestors (highest first, as Confluence's v2 ancestors lists them) whether the
 * page and each ancestor is inside: everything from the first root downwards is. Returns the page's answer.
 */
export function learnFromAncestors(roots: ReadonlySet<string>, known: TreeKnowledge, id: string, ancestors: readonly string[]): boolean {
  let inside = false;
  for (const ancestor of [...ancestors, id]) {
    inside ||= roots.has(ancestor);
    known.set(ancestor, inside);
  }
  return inside;
}
