import { randomBytes } from 'node:crypto';
import type { LocalServer } from '../../emulator/server/server';
import { auditEventId, type AuditRecord } from '../../src/core/audit';
import { DAY_MS } from '../../src/core/clock';
import { FOLD_LIMITS } from '../../src/use-cases/fold-events';
import { request } from '../server/http-client';
import { storeAuditEvents } from '../support/seed-audit';

/**
 * Runs the background fold as it would run once its settle lag has passed, and answers the "as of" it
 * reports. The app reads Date.now, so Date.now alone is moved forward, and only while the run lasts
 * (not jest's fake timers: `npm run screenshots` calls this outside jest). The server must run in this
 * process.
 */
export async function foldAfterSettling(server: LocalServer): Promise<string> {
  const realNow = Date.now;
  const ahead = FOLD_LIMITS.settleMs + 60_000;
  Date.now = () => realNow() + ahead;
  try {
    const run = await request(server, '/__local/scheduled/fold-audit-events', { method: 'POST' });
    if (run.json?.ok !== true || run.json.body?.caughtUp !== true) throw new Error(`The fold did not catch up: ${run.text}`);
    return new Date(run.json.body.asOf).toISOString();
  } finally {
    Date.now = realNow;
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
