import { payloadBytes } from '../../core/forge-limits';
import { handleGatewayRequest } from '../../use-cases/gateway/handle-request';
import { routeFamily } from '../../use-cases/gateway/router';
import type { GatewayRequest } from '../../use-cases/gateway/request';
import { forgeGatewayDeps } from '../composition';
import { errorResponse } from './error-response';
import type { WebTriggerRequest, WebTriggerResponse } from './forge-http';

function toGatewayRequest(request: WebTriggerRequest): GatewayRequest {
  const headers: Record<string, string | undefined> = {};
  // Every value of a repeated header, combined as HTTP combines repeated lines (RFC 9110 §5.3): the
  // address the edge appended stays last in x-forwarded-for, and two Authorization lines fail to parse.
  for (const [name, values] of Object.entries(request.headers ?? {})) {
    if (values && values.length > 0) headers[name.toLowerCase()] = values.join(', ');
  }
  const query = new URLSearchParams();
  for (const [name, values] of Object.entries(request.queryParameters ?? {})) {
    for (const value of values ?? []) query.append(name, value);
  }
  const { method, path, userPath, headers: rawHeaders, queryParameters, body } = request;
  return {
    method: method ?? 'GET',
    path: userPath || '/',
    query,
    headers,
    body: body ?? '',
    payloadBytes: payloadBytes({ method, path, userPath, headers: rawHeaders, queryParameters, body }),
  };
}

/** Authenticated answers are never cached by proxies. */
const BASE_HEADERS = { 'Cache-Control': 'no-store' };

function toForgeResponse(status: number, headers: Record<string, string | undefined>, body: string): WebTriggerResponse {
  const forgeHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries({ ...BASE_HEADERS, ...headers })) if (value !== undefined) forgeHeaders[name] = [value];
  return { statusCode: status, headers: forgeHeaders, body };
}

/** The web trigger `gateway`: a drop-in subset of Confluence REST v2 for space-scoped tokens. */
export async function gatewayHandler(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  const gatewayRequest = toGatewayRequest(request);
  const outcome = await handleGatewayRequest(forgeGatewayDeps(), gatewayRequest);
  if ('redirect' in outcome) return toForgeResponse(302, { Location: outcome.redirect }, '');
  if ('error' in outcome) {
    const { status, headers, body } = errorResponse(outcome.error, gatewayRequest.headers.authorization !== undefined, routeFamily(gatewayRequest.path));
    return toForgeResponse(status, headers, body);
  }
  const { status, body, contentType, retryAfter, link } = outcome.response;
  return toForgeResponse(status, { 'Content-Type': contentType, 'Retry-After': retryAfter, Link: link }, status === 204 ? '' : body);
}
