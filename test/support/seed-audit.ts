import { randomBytes } from 'node:crypto';
import { auditEventId, type AuditRecord } from '../../src/core/audit';

export { storeAuditEvents } from '../../emulator/demo/audit-events';

/** A successful page read by a token, as the gateway files it. */
export function readEvent(token: { id: string; ownerAccountId: string }, at: number, space: { id: string; key: string }): AuditRecord {
  return {
    id: auditEventId(at, randomBytes),
    at,
    tokenId: token.id,
    ownerAccountId: token.ownerAccountId,
    spaceId: space.id,
    spaceKey: space.key,
    operation: 'read',
    method: 'GET',
    pageId: null,
    status: 200,
    outcome: 'ok',
    code: null,
    clientIp: '203.0.113.7',
    userAgent: 'curl/8.5.0',
  };
}
