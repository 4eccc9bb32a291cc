/** The gateway's own routes, which Confluence does not have. */
import { iso } from '../../../core/clock';
import { AppError } from '../../../core/errors';
import { parseGraceHours } from '../../../core/rotation';
import { previousSecretValidUntil } from '../../../core/token';
import { rotateSecret } from '../../rotate-token';
import { jsonObject, ok, type RouteDefinition } from '../route';

/** What `/self/rotate` gives when the script does not choose. */
const DEFAULT_GRACE_HOURS = 24;

export const APP_ROUTES: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/self',
    operation: 'self',
    query: [],
    async handler({ token }) {
      return ok({
        id: token.id,
        label: token.label,
        ownerAccountId: token.ownerAccountId,
        spaces: token.spaces,
        operations: token.operations,
        expiresAt: iso(token.expiresAt),
        // Only when set, so a token without them is described exactly as before they existed.
        ...(token.pages.length > 0 && { pageIds: token.pages.map((page) => page.id) }),
        ...(token.allowedIps.length > 0 && { allowedIps: token.allowedIps }),
      });
    },
  },
  {
    method: 'POST',
    path: '/self/rotate',
    operation: 'rotate',
    query: [],
    body: ['graceHours'],
    /**
     * A script replaces its own secret. Only the current secret may: a previous one still in its grace
     * period could otherwise keep a leaked secret alive by rotating it on and on.
     */
    async handler({ auth, deps, body }) {
      // The token as stored, never as the policy narrows it: only the secret changes.
      const { token } = auth;
      if (auth.credential !== 'current') {
        throw new AppError('CURRENT_SECRET_REQUIRED', 'Only the current secret can rotate a token; this is the previous one, still in its grace period.');
      }
      const { graceHours } = body.trim() === '' ? {} : jsonObject(body);
      const hours = parseGraceHours(graceHours, auth.policy, DEFAULT_GRACE_HOURS);
      const { token: secret, record } = await rotateSecret(deps, token, hours, auth.policy, auth.presented);
      const validUntil = previousSecretValidUntil(record, auth.policy.maxGraceHours);
      return ok({ token: secret, id: record.id, expiresAt: iso(record.expiresAt), previousSecretValidUntil: validUntil === null ? null : iso(validUntil) });
    },
  },
];
