/** Users: v2 `POST /users-bulk`, v1 `GET /user/current` and `GET /user?accountId=`. */
import { ApiError, notFound } from '../errors';
import type { StoredUser } from '../model';
import type { Operation } from '../permissions';
import { userView, v1UserView } from '../views';
import { queryList, queryString, requireObjectBody, type RouteContext, type RouteResult } from './context';

export function bulkUsers(ctx: RouteContext): RouteResult {
  const ids = requireObjectBody(ctx).accountIds;
  const accountIds = Array.isArray(ids) ? ids.map(String) : [];
  const users = accountIds.flatMap((id) => (ctx.state.users[id] ? [ctx.state.users[id]] : []));
  return { status: 200, body: { results: users.map(userView), _links: { base: ctx.base } }, headers: { link: `<${ctx.base}>; rel="base"` } };
}

/** Site-level operations, as `expand=operations` lists them: every user may use Confluence. */
function applicationOperations(user: StoredUser): Operation[] {
  const operations: Operation[] = [{ operation: 'use', targetType: 'application' }];
  if (user.siteAdmin) operations.push({ operation: 'administer', targetType: 'application' }, { operation: 'create_space', targetType: 'application' });
  return operations;
}

function v1User(ctx: RouteContext, user: StoredUser): RouteResult {
  const expand = queryList(ctx, 'expand') ?? [];
  const operations = expand.includes('operations') ? applicationOperations(user) : undefined;
  return { status: 200, body: v1UserView(user, ctx.base, operations) };
}

export function currentUser(ctx: RouteContext): RouteResult {
  const user = ctx.state.users[ctx.actor.accountId];
  if (!user) throw new ApiError(403, 'Current user not permitted to use Confluence');
  return v1User(ctx, user);
}

export function userByAccountId(ctx: RouteContext): RouteResult {
  const user = ctx.state.users[queryString(ctx, 'accountId') ?? ''];
  if (!user) throw notFound();
  return v1User(ctx, user);
}
