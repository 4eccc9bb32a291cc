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
