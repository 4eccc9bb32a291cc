import { auditEventId, outcomeOf, truncateUserAgent, type AuditRecord } from '../../core/audit';
import { AppError, ERROR_STATUS, isAppError, type ErrorCode } from '../../core/errors';
import { requireAllowedIp } from '../../core/ip-allowlist';
import { isOperation } from '../../core/operations';
import { requireOperation } from '../../core/scope';
import type { UpstreamResponse } from '../../ports/confluence';
import type { GatewayDeps } from '../deps';
import { authenticate } from './authenticate';
import { hasLinks, rewriteLinks } from './links';
import { PageTrees } from './page-trees';
import { MAX_BODY_BYTES, type GatewayRequest } from './request';
import type { RouteContext } from './route';
import { matchRoute, routeQuery, type MatchedRoute } from './router';

export type GatewayOutcome = { response: UpstreamResponse } | { error: AppError };

/** Refusals decided by the app itself (as opposed to Confluence refusing the owner). */
const DENIALS: ReadonlySet<ErrorCode> = new Set([
  'GATEWAY_DISABLED', 'OPERATION_NOT_GRANTED', 'SPACE_NOT_GRANTED', 'PAGE_NOT_GRANTED', 'PURGE_NOT_ALLOWED', 'IP_NOT_ALLOWED',
  'CURRENT_SECRET_REQUIRED',
]);

/** Confluence's 429 and 503 reach the client as they are (with Retry-After); other 5xx become 502. */
function checkUpstream(response: UpstreamResponse): UpstreamResponse {
  if (response.status >= 500 && response.status !== 503) {
    throw new AppError('UPSTREAM_ERROR', `Confluence answered ${response.status}.`);
  }
  return response;
}

function asAppError(error: unknown): AppError {
  return isAppError(error) ? error : new AppError('UPSTREAM_ERROR', 'Confluence could not be reached or answered unexpectedly.');
}

/**
 * The gateway: authenticate, check the scope, act as the owner, and leave one audit event. Cost: one
 * storage read to authenticate (none for a malformed token) and one write for the audit event.
 */
export async function handleGatewayRequest(deps: GatewayDeps, request: GatewayRequest): Promise<GatewayOutcome> {
  if (Buffer.byteLength(request.body, 'utf8') > MAX_BODY_BYTES) {
    return { error: new AppError('PAYLOAD_TOO_LARGE', 'The request body is over 5 MB.') };
  }
  let auth;
  try {
    auth = await authenticate(deps, request.headers.authorization);
  } catch (error) {
    return { error: isAppError(error) ? error : new AppError('UPSTREAM_UNAVAILABLE', 'The app could not reach its storage; try again shortly.') };
  }
  const { token, policy } = auth;
  const clientIp = clientIpOf(request.headers['x-forwarded-for']);
  const target: RouteContext['target'] = { spaceId: null, spaceKey: null, pageId: null };
  let route: MatchedRoute | undefined;
  let outcome: GatewayOutcome;
  try {
    if (!policy.gatewayEnabled) throw new AppError('GATEWAY_DISABLED', 'A site admin has switched the gateway off.');
    route = matchRoute(request.method, request.path);
    requireAllowedIp(token.allowedIps, policy.requireIpAllowlist, clientIp);
    if (isOperation(route.operation)) requireOperation(token, route.operation);
    const confluence = deps.actAsOwner(token.ownerAccountId);
    const trees = new PageTrees(token, confluence);
    const context = { token, confluence, params: route.params, query: routeQuery(route, request.query), body: request.body, target, trees, auth, deps };
    const response = await route.handler(context);
    outcome = { response: await onGateway(deps, checkUpstream(response)) };
  } catch (error) {
    outcome = { error: asAppError(error) };
  }

  const at = deps.clock();
  const status = 'response' in outcome ? outcome.response.status : ERROR_STATUS[outcome.error.code];
  const code = 'error' in outcome ? outcome.error.code : null;
  await recordAudit(
    deps,
    {
      id: auditEventId(at, deps.randomBytes),
      at,
      tokenId: token.id,
      ownerAccountId: token.ownerAccountId,
      spaceId: target.spaceId,
      spaceKey: target.spaceKey,
      operation: route?.operation ?? null,
      method: request.method.toUpperCase().slice(0, 10),
      pageId: target.pageId,
      status,
      outcome: outcomeOf(status, code !== null && DENIALS.has(code)),
      code,
      clientIp,
      userAgent: truncateUserAgent(request.headers['user-agent']),
    },
    policy.auditRetentionDays,
  );
  return outcome;
}

/** Links in the answer, moved onto the gateway; when its URL cannot be had, links that would leave it are dropped. */
async function onGateway(deps: GatewayDeps, response: UpstreamResponse): Promise<UpstreamResponse> {
  if (!hasLinks(response)) return response;
  let root: string | undefined;
  try {
    root = await deps.gatewayUrl();
  } catch (error) {
    console.error('Gateway URL unavailable; links dropped:', error instanceof Error ? error.name : typeof error);
  }
  return rewriteLinks(response, root);
}

/**
 * The address the platform's edge appended last: earlier entries are whatever the client claimed. The
 * audit and the IP allowlist both use this, never a claim.
 */
function clientIpOf(forwardedFor: string | undefined): string | null {
  return forwardedFor?.split(',').at(-1)?.trim().slice(0, 64) || null;
}

/** The page operation has happened by now: a failed audit write is logged, not turned into an error. */
async function recordAudit(deps: GatewayDeps, record: AuditRecord, retentionDays: number): Promise<void> {
  try {
    await deps.audit.append(record, retentionDays);
  } catch (error) {
    console.error('Audit event not recorded:', error instanceof Error ? error.name : typeof error, record.id);
  }
}
