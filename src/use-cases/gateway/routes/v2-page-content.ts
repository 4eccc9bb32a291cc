/** REST v2: what hangs off a page: its labels, attachments and content properties. */
import type { OwnerConfluence, UpstreamResponse } from '../../../ports/confluence';
import { jsonObject, type RouteContext, type RouteDefinition } from '../route';
import { aimAtPage } from '../scope-guard';

/**
 * Runs `call` once the page in the path is found and in scope; Confluence's refusal of the page
 * otherwise. Labels, attachments and properties belong to their page, so the page's scope is theirs.
 */
export function onPage(call: (confluence: OwnerConfluence, context: RouteContext) => Promise<UpstreamResponse>): RouteDefinition['handler'] {
  return async (context) => {
    const found = await aimAtPage(context, context.params.id);
    return 'refusal' in found ? found.refusal : call(context.confluence, context);
  };
}

const PROPERTY = '/wiki/api/v2/pages/{id}/properties/{propertyId}';

export const V2_PAGE_CONTENT_ROUTES: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/wiki/api/v2/pages/{id}/labels',
    operation: 'read',
    query: ['prefix', 'sort', 'cursor', 'limit'],
    handler: onPage((confluence, { params, query }) => confluence.listPageLabels(params.id, query)),
  },
  {
    method: 'GET',
    path: '/wiki/api/v2/pages/{id}/attachments',
    operation: 'read',
    query: ['sort', 'cursor', 'status', 'mediaType', 'filename', 'limit'],
    handler: onPage((confluence, { params, query }) => confluence.listPageAttachments(params.id, query)),
  },
  {
    method: 'GET',
    path: '/wiki/api/v2/pages/{id}/properties',
    operation: 'read',
    query: ['key', 'sort', 'cursor', 'limit'],
    handler: onPage((confluence, { params, query }) => confluence.listPageProperties(params.id, query)),
  },
  {
    method: 'POST',
    path: '/wiki/api/v2/pages/{id}/properties',
    operation: 'update',
    query: [],
    body: ['key', 'value'],
    async handler(context) {
      const body = JSON.stringify(jsonObject(context.body));
      return onPage((confluence, { params }) => confluence.createPageProperty(params.id, body))(context);
    },
  },
  {
    method: 'GET',
    path: PROPERTY,
    operation: 'read',
    query: [],
    handler: onPage((confluence, { params }) => confluence.getPageProperty(params.id, params.propertyId)),
  },
  {
    method: 'PUT',
    path: PROPERTY,
    operation: 'update',
    query: [],
    body: ['key', 'value', 'version'],
    async handler(context) {
      const body = JSON.stringify(jsonObject(context.body));
      return onPage((confluence, { params }) => confluence.updatePageProperty(params.id, params.propertyId, body))(context);
    },
  },
  {
    method: 'DELETE',
    path: PROPERTY,
    operation: 'update',
    query: [],
    handler: onPage((confluence, { params }) => confluence.deletePageProperty(params.id, params.propertyId)),
  },
];
