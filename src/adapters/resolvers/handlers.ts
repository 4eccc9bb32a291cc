import { webTrigger } from '@forge/api';
import { makeResolver, type Request } from '@forge/resolver';
import type { ResolverDefinitions, ResolverError } from '../../contract/resolvers';
import { AppError } from '../../core/errors';
import { asRecord } from '../../core/input';
import { ownTokenActivity, spaceActivity } from '../../use-cases/activity';
import { listAudit } from '../../use-cases/audit-queries';
import type { Actor, Deps } from '../../use-cases/deps';
import { issueToken } from '../../use-cases/issue-token';
import { adminRevokeToken, listAllTokens, listSpaceTokens, revokeSpaceAccess } from '../../use-cases/managed-tokens';
import { listOwnTokens, revokeAllOwnTokens, revokeOwnToken } from '../../use-cases/own-tokens';
import { impersonationStatus } from '../../use-cases/impersonation-status';
import { searchPages } from '../../use-cases/page-search';
import { setPolicy } from '../../use-cases/policy';
import { rotateOwnToken } from '../../use-cases/rotate-token';
import { userConfluence } from '../confluence/user-confluence';
import { forgeDeps } from '../composition';
import { toResolverError } from './errors';

type Payload = Record<string, unknown>;

/** Runs a use-case as the signed-in user; payload fields are untrusted data, never identity. */
function resolve<R>(handler: (deps: Deps, actor: Actor, payload: Payload) => Promise<R>) {
  return async ({ payload, context }: Request<unknown>): Promise<R | ResolverError> => {
    try {
      const accountId = context.accountId as string | undefined;
      if (!accountId) throw new AppError('FORBIDDEN', 'Sign in to Confluence to manage tokens.');
      const actor: Actor = { accountId, confluence: userConfluence() };
      return await handler(forgeDeps(), actor, asRecord(payload));
    } catch (error) {
      return toResolverError(error);
    }
  };
}

const cursorOf = (payload: Payload) => (typeof payload.cursor === 'string' ? payload.cursor : undefined);

export const resolverHandler = makeResolver<ResolverDefinitions>({
  getViewer: resolve(async (_deps, actor) => ({ accountId: actor.accountId, isSiteAdmin: await actor.confluence.isSiteAdmin() })),
  listMySpaces: resolve(async (_deps, actor) => ({ spaces: await actor.confluence.visibleSpaces() })),
  createToken: resolve((deps, actor, payload) => issueToken(deps, actor, payload)),
  listTokens: resolve((deps, actor) => listOwnTokens(deps, actor)),
  revokeToken: resolve(async (deps, actor, payload) => ({ token: await revokeOwnToken(deps, actor, payload.id) })),
  rotateToken: resolve((deps, actor, payload) => rotateOwnToken(deps, actor, payload)),
  searchPages: resolve(async (_deps, actor, payload) => ({ pages: await searchPages(actor, payload) })),
  revokeAllTokens: resolve(async (deps, actor) => ({ revoked: await revokeAllOwnTokens(deps, actor.accountId) })),
  getGatewayInfo: resolve(async () => ({ url: await webTrigger.getUrl('gateway') })),
  listSpaceTokens: resolve(async (deps, actor, payload) => {
    const page = await listSpaceTokens(deps, actor, payload.spaceKey, cursorOf(payload));
    return { tokens: page.items, cursor: page.cursor, usageAsOf: page.usageAsOf };
  }),
  revokeSpaceAccess: resolve(async (deps, actor, payload) => ({
    token: await revokeSpaceAccess(deps, actor, payload.spaceKey, payload.tokenId),
  })),
  listAudit: resolve((deps, actor, payload) => listAudit(deps, actor, payload)),
  getSpaceActivity: resolve((deps, actor, payload) => spaceActivity(deps, actor, payload)),
  listTokenActivity: resolve((deps, actor, payload) => ownTokenActivity(deps, actor, payload)),
  getPolicy: resolve(async (deps) => ({ policy: await deps.policy.get() })),
  setPolicy: resolve(async (deps, actor, payload) => ({ policy: await setPolicy(deps, actor, payload) })),
  listAllTokens: resolve((deps, actor, payload) => listAllTokens(deps, actor, cursorOf(payload))),
  adminRevokeToken: resolve(async (deps, actor, payload) => ({ token: await adminRevokeToken(deps, actor, payload.id) })),
  getImpersonationStatus: resolve((deps, actor) => impersonationStatus(deps, actor)),
});
