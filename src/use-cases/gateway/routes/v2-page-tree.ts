/** REST v2: a page's children, direct children, descendants and ancestors. */
import type { PageRelation } from '../../../ports/confluence';
import { optionalId, type RouteDefinition } from '../route';
import { aimAtPage, keepInScope } from '../scope-guard';

/** The page must be in scope; then every listed page is checked against the scope too. */
function treeRoute(relation: PageRelation, query: readonly string[]): RouteDefinition {
  return {
    method: 'GET',
    path: `/wiki/api/v2/pages/{id}/${relation}`,
    operation: 'read',
    query,
    async handler(context) {
      const found = await aimAtPage(context, context.params.id);
      if ('refusal' in found) return found.refusal;
      const response = await context.confluence.listRelatedPages(context.params.id, relation, context.query);
      return keepInScope(context, response, optionalId(found.page.spaceId), relation);
    },
  };
}

export const V2_PAGE_TREE_ROUTES: RouteDefinition[] = [
  treeRoute('children', ['cursor', 'limit', 'sort']),
  treeRoute('direct-children', ['cursor', 'limit', 'sort']),
  treeRoute('descendants', ['limit', 'depth', 'cursor']),
  treeRoute('ancestors', ['limit']),
];
