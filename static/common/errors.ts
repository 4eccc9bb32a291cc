/** What the UI knows about a failed call: the backend's stable code, its message and any details. */
export interface FailureInfo {
  code: string;
  message: string;
  details?: unknown;
}

export class ResolverFailure extends Error implements FailureInfo {
  readonly code: string;
  readonly details: unknown;

  constructor(info: FailureInfo) {
    super(info.message);
    this.name = 'ResolverFailure';
    this.code = info.code;
    this.details = info.details;
  }
}


export function toFailure(error: unknown): FailureInfo {
  if (error instanceof ResolverFailure) return { code: error.code, message: error.message, details: error.details };
  return { code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) };
}

/** Plain-words explanations, by the backend's error codes (src/core/errors.ts). */
const SUMMARIES: Record<string, string> = {
  VALIDATION_FAILED: 'Some of the values were not accepted:',
  POLICY_VIOLATION: "Your site's token policy does not allow this.",
  INSUFFICIENT_PERMISSIONS: 'A token can only have rights you have yourself. You are missing these:',
  TOKEN_LIMIT_REACHED:
    'You already have as many active tokens as your site allows. Revoke one you no longer need, then try again.',
  FORBIDDEN: 'You do not have permission to do this.',
  NOT_FOUND: 'That token no longer exists. Reload the page to see the current list.',
  CONFLICT: 'Someone changed this at the same moment. Reload the page and try again.',
  RATE_LIMITED: 'Too many requests right now. Wait a moment and try again.',
  GATEWAY_DISABLED: 'The API gateway has been switched off by a site admin.',
  UPSTREAM_UNAVAILABLE: 'Confluence did not answer in time. Try again in a moment.',
  UPSTREAM_ERROR: 'Confluence answered with an error. Try again in a moment.',
  INTERNAL: 'Something went wrong inside the app. Try again; if it keeps happening, tell your site admin.',
  BRIDGE_FAILED: 'The app could not be reached. Reload the page and try again.',
};

export interface FailureDescription {
  summary: string;
  items: string[];
}

export function describeFailure(failure: FailureInfo): FailureDescription {
  const summary = SUMMARIES[failure.code];
  if (!summary) return { summary: failure.message || `Something went wrong (${failure.code}).`, items: [] };
  if (failure.code === 'POLICY_VIOLATION') return { summary, items: failure.message ? [failure.message] : [] };
  const items = detailItems(failure.details);
  if (failure.code === 'VALIDATION_FAILED' && items.length === 0) return { summary, items: [failure.message] };
  return { summary, items };
}

/** Details are strings (validation problems) or `{spaceKey, operations}` (missing rights). */
function detailItems(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((detail: unknown) => {
    if (typeof detail === 'string') return [detail];
    if (isMissingRight(detail)) return [`Space ${detail.spaceKey}: ${detail.operations.join(', ')}`];
    return [];
  });
}

function isMissingRight(value: unknown): value is { spaceKey: string; operations: string[] } {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.spaceKey === 'string' && Array.isArray(record.operations);
}
