import { randomBytes } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { auditEventId, type AuditRecord } from '../../src/core/audit';
import { toAuditEntity } from '../../src/adapters/kvs/audit-entity';
import { AUDIT_ENTITY } from '../../src/adapters/kvs/schema';
import { chunks } from '../../src/adapters/kvs/limits';

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

/**
 * Stores audit events directly, in the shape the audit adapter writes, through the real @forge/kvs in
 * batches of 25: a backlog of thousands without thousands of gateway requests.
 */
export async function storeAuditEvents(events: AuditRecord[], retentionDays = 90): Promise<void> {
  for (const batch of chunks(events)) {
    const { failedKeys } = await kvs.batchSet(
      batch.map((event) => ({
        key: event.id,
        value: toAuditEntity(event),
        entityName: AUDIT_ENTITY,
        options: { ttl: { value: retentionDays, unit: 'DAYS' as const } },
      })),
    );
    if (failedKeys.length > 0) throw new Error(`Storing audit events failed: ${JSON.stringify(failedKeys[0])}`);
  }
}
