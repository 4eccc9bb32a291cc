import { effectiveRights } from '../../static/common/effective-rights';

/** Item 10 of issue 10: token tables show what a token may do now, as the gateway narrows it by the policy. */
const DAY_MS = 86_400_000;
const now = Date.parse('2026-03-21T09:00:00Z');
const createdAt = now - 20 * DAY_MS;
const token = {
  status: 'active' as const,
  operations: ['read' as const, 'create' as const, 'delete' as const],
  createdAt: new Date(createdAt).toISOString(),
  expiresAt: new Date(createdAt + 365 * DAY_MS).toISOString(),
};

it('shows the issued rights when the policy allows them all, or is not known', () => {
  const expected = { status: 'active', operations: ['read', 'create', 'delete'], expiresAt: token.expiresAt, removed: [], shortened: false };
  expect(effectiveRights(token, { allowedOperations: ['read', 'create', 'update', 'delete'], maxLifetimeDays: 3650 }, now)).toEqual(expected);
  expect(effectiveRights(token, undefined, now)).toEqual(expected);
});

it('shows the operations the policy took away, and the expiry it brought forward', () => {
  expect(effectiveRights(token, { allowedOperations: ['read', 'update'], maxLifetimeDays: 30 }, now)).toEqual({
    status: 'active',
    operations: ['read'],
    expiresAt: new Date(createdAt + 30 * DAY_MS).toISOString(),
    removed: ['create', 'delete'],
    shortened: true,
  });
});

it('shows a token past the policy’s lifetime as expired, as the gateway treats it', () => {
  expect(effectiveRights(token, { allowedOperations: ['read'], maxLifetimeDays: 10 }, now).status).toBe('expired');
  expect(effectiveRights({ ...token, status: 'revoked' }, { allowedOperations: ['read'], maxLifetimeDays: 10 }, now).status).toBe('revoked');
});
