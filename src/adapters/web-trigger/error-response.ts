import { STATUS_CODES } from 'node:http';
import { ERROR_STATUS, type AppError, type RetryDetails } from '../../core/errors';
import { v1MissingPage, v1ErrorBody } from '../../use-cases/gateway/v1-shapes';

/** Bearer auth per RFC 6750; Basic with the token as password is accepted too. */
const REALM = 'realm="Confluence space-scoped tokens"';

/** What Confluence answers for a page that does not exist or the user cannot see, byte for byte. */
const MISSING_PAGE = {
  status: 404,
  headers: { 'Content-Type': 'application/json;charset=UTF-8' },
  body: JSON.stringify({ errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] }),
};

/** Confluence v2's error envelope, so existing clients parse our refusals like Confluence's own. */
function v2Body(error: AppError, status: number) {
  return { errors: [{ status, code: error.code, title: STATUS_CODES[status] ?? 'Error', detail: error.message }] };
}

/** A refusal in the error shape of the API family the client called (v1's is in v1-shapes.ts). */
export function errorResponse(error: AppError, hadCredentials: boolean, family: 'v1' | 'v2' = 'v2'): { status: number; headers: Record<string, string>; body: string } {
  // Outside the token's scope (its spaces or page trees) looks like nothing: exactly a missing page (the audit event keeps the real code).
  if (error.code === 'SPACE_NOT_GRANTED' || error.code === 'PAGE_NOT_GRANTED') {
    return family === 'v1' ? { status: 404, headers: { ...MISSING_PAGE.headers }, body: v1MissingPage() } : { ...MISSING_PAGE, headers: { ...MISSING_PAGE.headers } };
  }
  const status = ERROR_STATUS[error.code];
  const headers: Record<string, string> = { 'Content-Type': 'application/json;charset=UTF-8' };
  const retryAfter = (error.details as Partial<RetryDetails> | undefined)?.retryAfterSeconds;
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  if (error.code === 'INVALID_TOKEN') {
    headers['WWW-Authenticate'] = hadCredentials ? `Bearer ${REALM}, error="invalid_token"` : `Bearer ${REALM}`;
  }
  const allow = (error.details as { allow?: string[] } | undefined)?.allow;
  if (error.code === 'METHOD_NOT_ALLOWED' && allow) headers.Allow = allow.join(', ');
  const body = family === 'v1' ? v1ErrorBody(status, error.message, error.code) : v2Body(error, status);
  return { status, headers, body: JSON.stringify(body) };
}
