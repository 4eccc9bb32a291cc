/**
 * What page-tree scope costs in Confluence calls: every route once with a token for the whole space and
 * once with a token limited to the tree under the space's home page, on the same pages. The pages sit
 * two levels below the tree's root, so no answer's parent is the root itself: the tree check has to ask
 * Confluence for ancestors wherever it ever does (the worst case short of a move across branches).
 */
import { measureRouteCosts, type RouteTarget } from './route-costs';
import { gateway, issueToken, pageBody, SEED, withApp } from './fixture';

export interface PageTreeCost {
  route: string;
  wholeSpace: number;
  pageTree: number;
  extra: number;
}

const TARGET: RouteTarget = { page: SEED.pages.installation.id, parent: SEED.pages.installation.id };
const ROOT = SEED.pages.docsHome.id;

export async function measurePageTreeCosts(): Promise<PageTreeCost[]> {
  const wholeSpace = await measureRouteCosts(TARGET);
  const pageTree = await measureRouteCosts(TARGET, [ROOT]);
  return wholeSpace.map((cost, index) => ({
    route: cost.route,
    wholeSpace: cost.upstreamCalls,
    pageTree: pageTree[index].upstreamCalls,
    extra: pageTree[index].upstreamCalls - cost.upstreamCalls,
  }));
}

/**
 * The one case over a single extra call: moving a page from one branch of a tree to another, where
 * neither the page's nor the new parent's parent is a root, so both need their ancestors.
 */
export async function measureCrossBranchMove(): Promise<PageTreeCost> {
  const calls = async (pageIds?: string[]) =>
    withApp(async (app) => {
      const authorization = `Bearer ${(await issueToken(app, 'alice', pageIds ? { pageIds } : {})).token}`;
      const create = (parentId: string, title: string) =>
        gateway(app, { method: 'POST', path: '/wiki/api/v2/pages', authorization, body: pageBody({ spaceId: SEED.spaces.DOCS.id, parentId, title }) });
      const moved = JSON.parse((await create(SEED.pages.installation.id, 'Moved')).body!).id as string;
      const newParent = JSON.parse((await create(SEED.pages.releaseNotes.id, 'New parent')).body!).id as string;
      app.platform.clearRecords();
      const body = JSON.stringify({ ...JSON.parse(pageBody({ id: moved, title: 'Moved', version: 2 })), parentId: newParent });
      const answer = await gateway(app, { method: 'PUT', path: `/wiki/api/v2/pages/${moved}`, authorization, body });
      if (answer.statusCode !== 200) throw new Error(`move: ${answer.statusCode} ${answer.body}`);
      return app.platform.productCalls.length;
    });
  const [wholeSpace, pageTree] = [await calls(), await calls([ROOT])];
  return { route: 'PUT /wiki/api/v2/pages/{id} (move across branches)', wholeSpace, pageTree, extra: pageTree - wholeSpace };
}

export interface TreeListCost {
  route: string;
  pages: number;
  branches: number;
  /** Pages the answer kept (inside the tree). */
  kept: number;
  calls: number;
}

const BRANCHES = 120;
const LIST_ROUTES: Array<{ route: string; path: string; query: Record<string, string> }> = [
  { route: 'GET /wiki/api/v2/pages', path: '/wiki/api/v2/pages', query: { 'space-id': SEED.spaces.DOCS.id, sort: '-id', limit: '250' } },
  { route: 'GET /wiki/api/v2/spaces/{id}/pages', path: `/wiki/api/v2/spaces/${SEED.spaces.DOCS.id}/pages`, query: { sort: '-id', limit: '250' } },
  { route: 'GET /wiki/rest/api/content', path: '/wiki/rest/api/content', query: { spaceKey: 'DOCS', limit: '250' } },
];

/**
 * Page lists for a token limited to a page tree, at their worst: 120 branches (60 inside the tree, 60
 * outside), a leaf under each, and lists asked for 250 pages, newest first, so most listed pages have
 * their parents off the page and need placing. Every call to Confluence the request makes is counted.
 */
export async function measureTreeLists(): Promise<TreeListCost[]> {
  return withApp(async (app) => {
    const owner = `Bearer ${(await issueToken(app, 'alice')).token}`;
    const create = async (parentId: string, title: string) => {
      const answer = await gateway(app, { method: 'POST', path: '/wiki/api/v2/pages', authorization: owner, body: pageBody({ spaceId: SEED.spaces.DOCS.id, parentId, title }) });
      if (answer.statusCode !== 200) throw new Error(`create: ${answer.statusCode} ${answer.body}`);
      return JSON.parse(answer.body!).id as string;
    };
    const branches: string[] = [];
    for (let i = 0; i < BRANCHES; i++) branches.push(await create(i % 2 === 0 ? SEED.pages.gettingStarted.id : SEED.pages.releaseNotes.id, `Branch ${i}`));
    for (const [i, branch] of branches.entries()) await create(branch, `Leaf ${i}`);
    const tree = `Bearer ${(await issueToken(app, 'alice', { operations: ['read'], pageIds: [SEED.pages.gettingStarted.id] })).token}`;
    const costs: TreeListCost[] = [];
    for (const list of LIST_ROUTES) {
      app.platform.clearRecords();
      const answer = await gateway(app, { path: list.path, query: list.query, authorization: tree });
      if (answer.statusCode !== 200) throw new Error(`${list.route}: ${answer.statusCode} ${answer.body}`);
      costs.push({ route: list.route, pages: 250, branches: BRANCHES, kept: JSON.parse(answer.body!).results.length, calls: app.platform.productCalls.length });
    }
    return costs;
  });
}
