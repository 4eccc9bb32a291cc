/**
 * v1 content answers with their expansions: fetches what the planned expansions need (v1-expansions.ts
 * says what and at what cost), each need once for the whole answer, trimmed to the token's scope by the
 * scope guard, then shapes every page (v1-shapes.ts).
 */
import type { UpstreamResponse } from '../../ports/confluence';
import type { RouteContext } from './route';
import { keepInScope, reachableHomepage } from './scope-guard';
import { CHILDREN_LIMIT, parsed, v1Content, type V2Page, type V2Space } from './v1-shapes';
import type { ExpansionPlan } from './v1-expansions';
import type { Person } from './user-directory';

type Refused = { refusal: UpstreamResponse };

/** The pages' spaces (1 call), by id. */
async function spacesOf(context: RouteContext, pages: V2Page[]): Promise<Map<string, V2Space> | Refused> {
  const ids = [...new Set(pages.map((page) => String(page.spaceId)))];
  const answer = parsed<{ results?: V2Space[] }>(await context.confluence.listSpaces(new URLSearchParams({ ids: ids.join(','), limit: String(ids.length) })));
  if ('refusal' in answer) return answer;
  return new Map((answer.value.results ?? []).filter((space) => ids.includes(String(space.id))).map((space) => [String(space.id), space]));
}

/** A single page's ancestors inside the token's scope (1 call), top-down, named by id only. */
async function ancestorsOf(context: RouteContext, page: V2Page): Promise<V2Page[] | Refused> {
  const listed = await context.confluence.listRelatedPages(page.id, 'ancestors', new URLSearchParams());
  const answer = parsed<{ results?: V2Page[] }>(await keepInScope(context, listed, String(page.spaceId), 'ancestors'));
  return 'refusal' in answer ? answer : (answer.value.results ?? []);
}

/** Pages named by id (ancestors, homepages), with their titles and links (1 call); pages the owner cannot see are missing. */
async function titled(context: RouteContext, ids: string[]): Promise<Map<string, V2Page> | Refused> {
  if (ids.length === 0) return new Map();
  const query = new URLSearchParams({ id: ids.join(','), limit: String(Math.min(ids.length, 250)) });
  const answer = parsed<{ results?: V2Page[] }>(await context.confluence.listPages(query));
  if ('refusal' in answer) return answer;
  const granted = new Set(context.token.spaces.map((space) => space.id));
  return new Map((answer.value.results ?? []).filter((page) => granted.has(String(page.spaceId))).map((page) => [String(page.id), page]));
}

/** A single page's first child pages (1 call): below a page in scope, so in scope. */
async function childrenOf(context: RouteContext, page: V2Page): Promise<V2Page[] | Refused> {
  const listed = await context.confluence.listRelatedPages(page.id, 'direct-children', new URLSearchParams({ limit: String(CHILDREN_LIMIT) }));
  const answer = parsed<{ results?: V2Page[] }>(await keepInScope(context, listed, String(page.spaceId), 'direct-children'));
  return 'refusal' in answer ? answer : (answer.value.results ?? []).filter((child) => (child.type ?? 'page') === 'page');
}

async function labelsOf(context: RouteContext, page: V2Page): Promise<NonNullable<V2Page['labels']>['results'] | Refused> {
  if (page.labels) return page.labels.results ?? [];
  const answer = parsed<{ results?: NonNullable<V2Page['labels']>['results'] }>(await context.confluence.listPageLabels(page.id, new URLSearchParams({ limit: '250' })));
  return 'refusal' in answer ? answer : (answer.value.results ?? []);
}

/** The people an answer names: authors of versions and creators of pages. */
function peopleNamed(pages: V2Page[], plan: ExpansionPlan): string[] {
  const ids: string[] = [];
  for (const page of pages) {
    if ((plan.served.has('version') || plan.served.has('history.lastUpdated')) && page.version?.authorId) ids.push(page.version.authorId);
    if (plan.served.has('history') && page.authorId) ids.push(page.authorId);
  }
  return ids;
}

/**
 * The pages as v1 `Content`, each with the expansions of `plan`. Per-page needs (ancestors, children,
 * labels) are met only for a single page, as the plan was made for one (see planExpansions).
 */
export async function expandedContents(context: RouteContext, pages: V2Page[], plan: ExpansionPlan): Promise<{ contents: unknown[] } | Refused> {
  const single = pages.length === 1 ? pages[0] : undefined;
  const keyOf = (spaceId: unknown) => context.token.spaces.find((space) => space.id === String(spaceId))?.key;
  let spaces = new Map<string, V2Space>();
  if (plan.needs.has('space') && pages.length > 0) {
    const found = await spacesOf(context, pages);
    if ('refusal' in found) return found;
    spaces = found;
  }
  let ancestors: V2Page[] | undefined;
  if (plan.needs.has('ancestors') && single) {
    const found = await ancestorsOf(context, single);
    if ('refusal' in found) return found;
    ancestors = found;
  }
  const homepages = plan.served.has('space.homepage') ? [...spaces.values()].flatMap((space) => reachableHomepage(context, space) ?? []) : [];
  let titles = new Map<string, V2Page>();
  if (plan.needs.has('titles')) {
    const found = await titled(context, [...new Set([...(ancestors ?? []).map((ancestor) => String(ancestor.id)), ...homepages])]);
    if ('refusal' in found) return found;
    titles = found;
  }
  let children: V2Page[] | undefined;
  if (plan.needs.has('children') && single) {
    const found = await childrenOf(context, single);
    if ('refusal' in found) return found;
    children = found;
  }
  let labels: NonNullable<V2Page['labels']>['results'] | undefined;
  if (plan.needs.has('labels') && single) {
    const found = await labelsOf(context, single);
    if (found && 'refusal' in found) return found;
    labels = found;
  }
  let people: Map<string, Person> | undefined;
  const named = peopleNamed(pages, plan);
  if (named.length > 0) people = await context.deps.users().lookUp(context.token.ownerAccountId, named, context.confluence);
  const contents = pages.map((page) => {
    const space = spaces.get(String(page.spaceId));
    return v1Content(page, {
      served: plan.served,
      space,
      homepage: space?.homepageId ? titles.get(String(space.homepageId)) : undefined,
      ancestors: ancestors?.flatMap((ancestor) => titles.get(String(ancestor.id)) ?? []),
      children,
      labels,
      people,
      spaceKey: keyOf(page.spaceId),
    });
  });
  return { contents };
}
