import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatedApp } from '../app';
import { sendError, sendJson } from './http-io';
import type { Site } from './site';

const ACCOUNT_ACTION = /^\/__local\/accounts\/([^/]+)\/(close|update)$/;

/**
 * `POST /__local/accounts/<accountId>/close` or `/update`: what Atlassian learns when a person deletes
 * their account or changes their profile. The app hears of it at its next personal data report
 * (`POST /__local/scheduled/report-personal-data` runs one now).
 */
export function handleAccountAction(app: EmulatedApp, site: Site, request: IncomingMessage, response: ServerResponse, pathname: string): void {
  const [, encoded, action] = ACCOUNT_ACTION.exec(pathname) ?? [];
  if (!encoded) return sendError(response, 404, 'NOT_FOUND', 'POST /__local/accounts/<accountId>/close or /update.');
  if (request.method !== 'POST') return sendError(response, 405, 'METHOD_NOT_ALLOWED', 'POST to close or update an account.');
  const accountId = decodeURIComponent(encoded);
  if (!site.users.some((user) => user.accountId === accountId)) {
    return sendError(response, 404, 'NOT_FOUND', `No local user ${accountId}; GET /__local/users lists them.`);
  }
  if (action === 'close') app.platform.accounts.close(accountId);
  else app.platform.accounts.update(accountId);
  sendJson(response, 200, { accountId, [action === 'close' ? 'closed' : 'updated']: true });
}
