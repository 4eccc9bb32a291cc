/**
 * REST v1 `expand`, as Confluence reads it, and the one table of what the gateway serves and at what
 * cost. Confluence expands every prefix of a path (`history.lastUpdated` expands `history` too) and
 * ignores names it does not know; so does the gateway, and an expansion it does not serve stays in
 * `_expandable`, v1's own "not expanded". The README's compatibility table is written from this one.
 */

/**
 * What an expansion needs from Confluence besides the page (or list) call, each one call at most,
 * shared by every expansion that needs it: the page's space, its ancestors, the titles of pages named
 * only by id (ancestors, a space's homepage: one `GET /pages?id=` for all of them), its child pages,
 * its body (free: asked with the page or list, which a child list cannot do),
 * its labels (free on a single page, asked with the page), and the people named (one batched look-up,
 * cached per instance: user-directory.ts).
 */
export type Need = 'body' | 'space' | 'ancestors' | 'titles' | 'children' | 'labels' | 'users';

export interface Expansion {
  needs: readonly Need[];
  /** Why it costs what it costs, for the compatibility table. */
  note: string;
}

/** The content expansions served on v1 content answers; anything else is ignored. */
export const CONTENT_EXPANSIONS = {
  'body.storage': { needs: ['body'], note: 'asked with the page; the first body format asked is the one served' },
  'body.atlas_doc_format': { needs: ['body'], note: 'asked with the page' },
  version: { needs: ['users'], note: '`version.by` is a full user (the user look-up)' },
  history: { needs: ['users'], note: '`createdBy`, `createdDate`, `latest`, from the page' },
  'history.lastUpdated': { needs: ['users'], note: 'the current version' },
  space: { needs: ['space'], note: '1 call' },
  container: { needs: ['space'], note: "the page's space (the same call as `space`)" },
  'space.homepage': { needs: ['space', 'titles'], note: 'the homepage when the token reaches it (+1 call for its title)' },
  ancestors: { needs: ['ancestors', 'titles'], note: 'within the token’s scope: 1 call, +1 for their titles' },
  'children.page': { needs: ['children'], note: 'the first 25 child pages: 1 call' },
  'metadata.labels': { needs: ['labels'], note: 'asked with the page; 1 call on a list of one' },
} as const satisfies Record<string, Expansion>;

export type ContentExpansion = keyof typeof CONTENT_EXPANSIONS;

/** Needs that cost a call, in the order they are granted; `labels` is free on a single page. */
const CALL_ORDER: readonly Need[] = ['space', 'ancestors', 'titles', 'children', 'labels'];
/** Needs that cost no call of the budget: the body comes with the page, and the user look-up has its own allowance of one. */
const NO_CALL: readonly Need[] = ['body', 'users'];

/**
 * Calls a v1 answer may make beyond the route's own, for expansions: Confluence's 3 calls plus the one
 * more the compatibility table names. Expansions that would go past it are left in `_expandable`.
 */
export const EXPANSION_CALL_BUDGET = 4;

/** The names in `expand`, as given (comma-separated or repeated), trimmed, empty ones dropped. */
export function expandList(query: URLSearchParams): string[] {
  return query.getAll('expand').flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

/** Every name asked for and each of its prefixes (`a.b.c` → `a`, `a.b`, `a.b.c`), as Confluence expands them. */
export function expandsOf(query: URLSearchParams): Set<string> {
  return new Set(expandList(query).flatMap((name) => name.split('.').map((_, index, parts) => parts.slice(0, index + 1).join('.'))));
}

/** The served expansions among those asked, within a call budget. */
export interface ExpansionPlan {
  served: ReadonlySet<ContentExpansion>;
  needs: ReadonlySet<Need>;
}

/**
 * Which asked expansions an answer serves: `routeCalls` is what the route spends anyway (1 for a page
 * or a list); `free` names needs the route meets without a call (a single page's labels). Needs are
 * granted in table order while the budget lasts; an expansion whose needs are not all granted is not
 * served (and stays in `_expandable`).
 */
export function planExpansions(asked: ReadonlySet<string>, routeCalls: number, options: { free?: readonly Need[]; unavailable?: readonly Need[] } = {}): ExpansionPlan {
  const wanted = (Object.keys(CONTENT_EXPANSIONS) as ContentExpansion[]).filter((name) => asked.has(name));
  const needed = new Set(wanted.flatMap((name) => CONTENT_EXPANSIONS[name].needs as readonly Need[]));
  const granted = new Set<Need>();
  let calls = routeCalls;
  for (const need of [...NO_CALL, ...CALL_ORDER]) {
    if (!needed.has(need) || options.unavailable?.includes(need)) continue;
    const cost = NO_CALL.includes(need) || options.free?.includes(need) ? 0 : 1;
    // Titles are only worth a call when ancestors or the space (its homepage) are fetched.
    if (need === 'titles' && !granted.has('ancestors') && !granted.has('space')) continue;
    if (calls + cost > EXPANSION_CALL_BUDGET) continue;
    calls += cost;
    granted.add(need);
  }
  const served = new Set(wanted.filter((name) => (CONTENT_EXPANSIONS[name].needs as readonly Need[]).every((need) => granted.has(need))));
  return { served, needs: new Set([...served].flatMap((name) => CONTENT_EXPANSIONS[name].needs as readonly Need[])) };
}

/** The body format the page call asks for: v2 renders one per call, so the first served one asked is the one fetched. */
export function bodyFormatOf(asked: ReadonlySet<string>, served: ReadonlySet<string>): 'storage' | 'atlas_doc_format' | undefined {
  const first = [...asked].find((name) => name.startsWith('body.') && served.has(name));
  return first?.slice('body.'.length) as 'storage' | 'atlas_doc_format' | undefined;
}

/** The expansions a route serves when asked alone: what its documentation (and the answer schema test) lists. */
export function servedAlone(routeCalls: number, options: { free?: readonly Need[]; unavailable?: readonly Need[] } = {}): ContentExpansion[] {
  return (Object.keys(CONTENT_EXPANSIONS) as ContentExpansion[]).filter((name) => planExpansions(expandsOf(new URLSearchParams({ expand: name })), routeCalls, options).served.has(name));
}
