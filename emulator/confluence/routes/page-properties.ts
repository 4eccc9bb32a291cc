/**
 * Content properties of a page: `GET|POST /pages/{page-id}/properties`,
 * `GET|PUT|DELETE /pages/{page-id}/properties/{property-id}`. Reading needs the page to be viewable,
 * changing needs the right to edit it; keys are unique per page; an update takes version = current + 1.
 */
import { ApiError, badRequest, notFound, notPermitted } from '../errors';
import type { StoredPage, StoredProperty } from '../model';
import { canUpdatePage } from '../permissions';
import { pagedList, querySort, queryString, rejectUnsupportedQuery, requireObjectBody, type RouteContext, type RouteResult } from './context';
import { visiblePage } from './pages-read';

const propertyView = ({ id, key, value, version }: StoredProperty) => ({ id, key, value, version: { ...version } });

function editablePage(ctx: RouteContext): StoredPage {
  const page = visiblePage(ctx, ctx.pathParams['page-id'] ?? '');
  if (!canUpdatePage(ctx.state, page, ctx.actor)) throw notPermitted();
  return page;
}

function propertyOf(ctx: RouteContext, page: StoredPage): StoredProperty {
  const property = ctx.state.properties[ctx.pathParams['property-id'] ?? ''];
  if (!property || property.pageId !== page.id) throw notFound();
  return property;
}

function version(ctx: RouteContext, number: number, message: unknown): StoredProperty['version'] {
  return { number, message: typeof message === 'string' ? message : '', minorEdit: false, authorId: ctx.actor.accountId, createdAt: ctx.now };
}

export function getPageProperties(ctx: RouteContext): RouteResult {
  rejectUnsupportedQuery(ctx, ['key', 'sort', 'cursor', 'limit']);
  const page = visiblePage(ctx, ctx.pathParams['page-id'] ?? '');
  const key = queryString(ctx, 'key');
  const properties = Object.values(ctx.state.properties).filter((property) => property.pageId === page.id && (key === undefined || property.key === key));
  const sort = querySort(ctx, 'key');
  return pagedList(ctx, properties, { key: (property) => property.key, descending: sort.descending }, propertyView);
}

export function createPageProperty(ctx: RouteContext): RouteResult {
  const page = editablePage(ctx);
  const input = requireObjectBody(ctx);
  if (typeof input.key !== 'string' || input.key === '') throw badRequest('A property needs a key');
  if (!('value' in input)) throw badRequest('A property needs a value');
  if (Object.values(ctx.state.properties).some((property) => property.pageId === page.id && property.key === input.key)) {
    throw badRequest(`A property with key '${input.key}' already exists on this page`);
  }
  const property: StoredProperty = { id: String(ctx.state.nextId++), pageId: page.id, key: input.key, value: input.value, version: version(ctx, 1, undefined) };
  ctx.state.properties[property.id] = property;
  return { status: 200, body: propertyView(property), mutated: true };
}

export function getPageProperty(ctx: RouteContext): RouteResult {
  const page = visiblePage(ctx, ctx.pathParams['page-id'] ?? '');
  return { status: 200, body: propertyView(propertyOf(ctx, page)) };
}

export function updatePageProperty(ctx: RouteContext): RouteResult {
  const page = editablePage(ctx);
  const property = propertyOf(ctx, page);
  const input = requireObjectBody(ctx);
  if (input.key !== undefined && input.key !== property.key) throw badRequest('The key of a property cannot change');
  if (!('value' in input)) throw badRequest('A property needs a value');
  const given = (input.version ?? {}) as { number?: unknown; message?: unknown };
  if (given.number !== property.version.number + 1) {
    throw new ApiError(409, `Version must be incremented on update. Current version is: ${property.version.number}`);
  }
  Object.assign(property, { value: input.value, version: version(ctx, property.version.number + 1, given.message) });
  return { status: 200, body: propertyView(property), mutated: true };
}

export function deletePageProperty(ctx: RouteContext): RouteResult {
  const page = editablePage(ctx);
  delete ctx.state.properties[propertyOf(ctx, page).id];
  return { status: 204, mutated: true };
}
