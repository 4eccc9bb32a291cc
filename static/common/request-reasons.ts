import type { AuditEvent } from '../../src/contract/resolvers';

/**
 * Why a request did not succeed, in words, from its audit event's code. Scripts outside a token's scope
 * get a bare 404 on purpose (a token cannot probe other spaces); its owner may know the real reason.
 */
const REASONS: Record<string, string> = {
  SPACE_NOT_GRANTED: 'The page or space is outside the token’s spaces. The script was answered 404, as for a missing page.',
  PAGE_NOT_GRANTED: 'The page is outside the token’s page trees. The script was answered 404, as for a missing page.',
  PARENT_REQUIRED: 'The token reaches only some page trees, so a new page must name a parent inside one of them.',
  OPERATION_NOT_GRANTED: 'The token may not do this (its operations, as the site policy narrows them).',
  IP_NOT_ALLOWED: 'The request came from an address outside the token’s IP allowlist.',
  PURGE_NOT_ALLOWED: 'Tokens may not purge pages; deleted pages go to the trash.',
  CURRENT_SECRET_REQUIRED: 'A rotation was asked with the previous secret; only the current one may rotate.',
  GATEWAY_DISABLED: 'A site admin had switched the gateway off.',
  RATE_LIMITED: 'The token was over its requests per minute.',
  INVALID_REQUEST: 'The request’s body was not valid for this route.',
  INVALID_CQL: 'The search query could not be kept inside the token’s scope.',
  METHOD_NOT_ALLOWED: 'The route does not take this HTTP method.',
  NOT_FOUND: 'No such route, or Confluence found no such page.',
  PAYLOAD_TOO_LARGE: 'The body was over 5 MB.',
  BINARY_UPLOAD_UNSUPPORTED: 'The attachment’s bytes did not survive the trip; upload binary files to Confluence directly.',
  UPSTREAM_ERROR: 'Confluence answered with an error.',
  UPSTREAM_UNAVAILABLE: 'Storage or Confluence was unavailable; the script was told to retry.',
  IMPERSONATION_REFUSED: 'Atlassian refused to act as you (is your account still active?).',
};

/** Confluence's own refusals reach the log as a status without a code of the app's. */
const STATUS_REASONS: Record<number, string> = {
  400: 'Confluence found the request invalid.',
  401: 'Confluence did not accept the call as you.',
  403: 'Confluence refused: you lack the permission, or a page restriction applies.',
  404: 'Confluence found no such page (or you cannot see it).',
  409: 'Confluence refused a conflicting change (e.g. a page version already used).',
  429: 'Confluence asked to slow down.',
};

/** One sentence for a request that did not succeed; null for one that did. */
export function requestReason(event: Pick<AuditEvent, 'outcome' | 'code' | 'status'>): string | null {
  if (event.outcome === 'ok') return null;
  if (event.outcome === 'unconfirmed') return 'The change was recorded before Confluence was asked; its result never arrived. Check the page.';
  if (event.code && REASONS[event.code]) return REASONS[event.code]!;
  return STATUS_REASONS[event.status] ?? (event.status >= 500 ? 'Confluence failed.' : `Refused with HTTP ${event.status}.`);
}
