import { STATUS_CODES } from 'node:http';
import { ERROR_STATUS, type AppError } from '../../core/errors';

/** Bearer auth per RFC 6750; Basic with the token as password is accepted too. */
const REALM = 'realm="Confluence space-scoped tokens"';

/** Confluence v2's error envelope, so existing clients parse our refusals like Confluence's own. */
export function errorResponse(error: AppError, hadCredentials: boolean): { status: number; headers: Record<string, string>; body: string } {
  const status = ERROR_STATUS[error.code];
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (error.code === 'INVALID_TOKEN') {
    headers['WWW-Authenticate'] = hadCredentials ? `Bearer ${REALM}, error="invalid_token"` : `Bearer ${REALM}`;
  }
  const allow = (error.details as { allow?: string[] } | undefined)?.allow;
  if (error.code === 'METHOD_NOT_ALLOWED' && allow) headers.Allow = allow.join(', ');
  const body = { errors: [{ status, code: error.code, title: STATUS_CODES[status] ?? 'Error', detail: error.message }] };
  return { status, headers, body: JSON.stringify(body) };
}
