import { clientAddress } from '../../core/audit';
import { AppError, ERROR_STATUS, isAppError } from '../../core/errors';
import { requireAllowedIp } from '../../core/ip-allowlist';
import type { Operation } from '../../core/operations';
import type { Deadline, UpstreamResponse } from '../../ports/confluence';
import type { GatewayDeps } from '../deps';
import { AuditTrail, type Completion } from './audit-trail';
import { blindChangeAnswer } from './blind-changes';
import { authenticate, gatewayDisabled, RefusedCredential } from './authenticate';
import { hasLinks, isPeoplePath, peopleRedirect, rewriteLinks } from './links';
import { PageTrees } from './page-trees';
import { answerRefusal, sizeRefusal, type GatewayRequest } from './request';
import type { AuditTarget, RouteContext } from './route';
import { matchRoute, routeBody, routeQuery, type MatchedRoute } from './router';
import type { SpaceRef } from '../../contract/resolvers';
import { attributableTarget, filingSpaces, guardedConfluence, settleOperation } from './scope-guard';

/** `redirect`: a people link opened on the gateway, sent on to the site (no token, no audit event). */
export type GatewayOutcome = { response: UpstreamResponse } | { error: AppError } | { redirect: string };

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

/** A storage failure while authenticating: the client may retry, and is told when. */
function authFailure(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError('UPSTREAM_UNAVAILABLE', 'The app could not reach its storage; try again shortly.', { retryAfterSeconds: 5 });
}

/** Counted on the monotonic clock from now: a change of the system time cannot stretch it. */
function deadlineIn(ms: number): Deadline {
  const at = performance.now() + ms;
  return { remainingMs: () => at - performance.now() };
}

/**
 * The gateway: bound the request, authenticate, check the scope, act as the owner, and leave one
 * audit event. Storage cost: none for an oversized, malformed, forged or rate-limited request; one
 * read to authenticate; then one write for a read or a refusal, two for a change (intent, result).
 */
export async function handleGatewayRequest(deps: GatewayDeps, request: GatewayRequest): Promise<GatewayOutcome> {
  const deadline = deadlineIn(deps.confluenceBudgetMs);
  const refusal = sizeRefusal(request);
  if (refusal) return { error: refusal };
  if (isPeoplePath(request.method, request.path)) {
    const sent = await openPeopleLink(deps, request);
    if (sent) return sent;
  }
  let auth;
  try {
    auth = await authenticate(deps, request.headers.authorization);
  } catch (error) {
    if (error instanceof RefusedCredential && error.audited) await auditRefusal(deps, request, error);
    return { error: authFailure(error) };
  }
  const { effective: token, policy } = auth;
  const clientIp = clientAddress(request.headers['x-forwarded-for']);
  const trail = new AuditTrail(deps, request, token, policy.auditRetentionDays);
  let target: AuditTarget = { spaceId: null, spaceKey: null, pageId: null };
  let route: MatchedRoute | undefined;
  let context: RouteContext | undefined;
  let outcome: GatewayOutcome;
  try {
    if (!policy.gatewayEnabled) throw gatewayDisabled();
    route = matchRoute(request.method, request.path);
    requireAllowedIp(token.allowedIps, policy.requireIpAllowlist, clientIp);
    const operation = route.operation;
    const lookups = deps.actAsOwner(token.ownerAccountId, deadline);
    context = {
      token,
      operation,
      confluence: lookups,
      params: route.params,
      query: routeQuery(route, request.query),
      sentQuery: request.query,
      body: routeBody(route, request.body),
      contentType: request.headers['content-type'],
      target,
      guard: {
        lookups,
        seenSpaces: new Set(),
        operationChecked: false,
        aimed: false,
        beforeChange: () => trail.beforeChange(context!.target, operation as Operation),
      },
      // Tree checks are the guard's own look-ups: unguarded, like lookUp.
      trees: new PageTrees(token, lookups),
      auth,
      deps,
    };
    context.confluence = guardedConfluence(context);
    const response = blindChangeAnswer(context, await route.handler(context));
    settleOperation(context);
    const answer = await onGateway(deps, checkUpstream(response));
    const tooLarge = answerRefusal(answer);
    outcome = tooLarge ? { error: tooLarge } : { response: answer };
  } catch (error) {
    outcome = { error: asAppError(error) };
  }

  if (context) target = await attributableTarget(context);
  let copies: SpaceRef[] = [];
  // Only an answer that went out carries pages; a refusal after a list was read returned none of them.
  if (context && 'response' in outcome && outcome.response.status === 200) ({ target, copies } = filingSpaces(context, target));
  const unrecorded = await trail.complete({
    target,
    copies,
    operation: route?.operation ?? null,
    status: 'response' in outcome ? outcome.response.status : ERROR_STATUS[outcome.error.code],
    code: 'error' in outcome ? outcome.error.code : null,
  });
  return unrecorded ? { error: unrecorded } : outcome;
}

/**
 * A 401 for a stored token's id (revoked, expired, or a wrong secret) goes on that token's record, so
 * a flood of dead credentials names its owner; at most once a minute per token and instance, so the
 * flood stays cheap. Storage refusing the write changes nothing: the answer is a 401 either way.
 */
async function auditRefusal(deps: GatewayDeps, request: GatewayRequest, refusal: RefusedCredential): Promise<void> {
  // The policy was read with this token or moments before: its retention applies, no read needed.
  const trail = new AuditTrail(deps, request, refusal.audited!, deps.memory().knownPolicy().auditRetentionDays);
  let operation: Completion['operation'] = null;
  try {
    operation = matchRoute(request.method, request.path).operation;
  } catch {
    // No such route: the event keeps the method, with no operation.
  }
  await trail.complete({ target: { spaceId: null, spaceKey: null, pageId: null }, operation, status: 401, code: 'INVALID_TOKEN' });
}

/**
 * A browser opening `_links.base + webui` lands here: it is sent to the same path on the site, whose
 * base Confluence told (one call as the app per function instance), without the token and without
 * storage. A path that would not stay a people path of the site is not redirected (undefined: the
 * request goes on as any other and finds no route).
 */
async function openPeopleLink(deps: GatewayDeps, request: GatewayRequest): Promise<GatewayOutcome | undefined> {
  let base: string;
  try {
    base = await deps.siteBase();
  } catch (error) {
    return { error: asAppError(error) };
  }
  const location = peopleRedirect(request.method, request.path, request.query, base);
  return location === undefined ? undefined : { redirect: location };
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
