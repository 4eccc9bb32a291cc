import { randomBytes } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { toAuditEntity } from '../../src/adapters/kvs/audit-entity';
import { chunks } from '../../src/adapters/kvs/limits';
import { AUDIT_ENTITY } from '../../src/adapters/kvs/schema';
import { auditEventId, type AuditRecord } from '../../src/core/audit';
import { DAY_MS } from '../../src/core/clock';
import type { LocalServer } from '../server/server';

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

/** Stores past audit events in the server's storage, as the gateway would have filed them on those days. */
export function storePastEvents(server: LocalServer, events: AuditRecord[]): Promise<void> {
  const info = { moduleKey: 'gateway', moduleType: 'webtrigger', functionKey: 'gateway-fn', timeoutMs: 55_000 };
  return server.app.platform.run(info, () => storeAuditEvents(events));
}

/** A page read `daysAgo` days back in DOCS, as the gateway files it with that outcome. */
export function pastRequest(token: { id: string; ownerAccountId: string }, daysAgo: number, outcome: AuditRecord['outcome']): AuditRecord {
  const at = Date.now() - daysAgo * DAY_MS - Math.floor(Math.random() * 1000);
  const [status, code] = ({ ok: [200, null], denied: [403, 'OPERATION_NOT_GRANTED'], failed: [502, 'UPSTREAM_ERROR'], unconfirmed: [0, null] } as const)[outcome];
  return {
    id: auditEventId(at, randomBytes), at, tokenId: token.id, ownerAccountId: token.ownerAccountId, spaceId: '10001', spaceKey: 'DOCS',
    operation: 'read', method: 'GET', pageId: '20004', status, outcome, code, clientIp: null, userAgent: 'nightly/1.0',
  };
}
