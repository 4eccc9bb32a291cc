import { randomBytes } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { toAuditEntity } from '../../src/adapters/kvs/audit-entity';
import { chunks } from '../../src/adapters/kvs/limits';
import { AUDIT_ENTITY } from '../../src/adapters/kvs/schema';
import { auditEventId, type AuditRecord } from '../../src/core/audit';
import { DAY_MS } from '../../src/core/clock';
import { foldBatch } from '../../src/core/fold';
import { utcDay } from '../../src/core/activity-folder';
import { randomBase62 } from '../../src/core/base62';
import { TOKEN_ID_LENGTH } from '../../src/core/token-format';
import { FOLD_LIMITS, FOLDERS } from '../../src/use-cases/fold-events';
import { SEED, withApp } from './fixture';

export const CHART_EVENTS = 100_000;
const CHART_TOKENS = 200;
const OUTCOMES: AuditRecord['outcome'][] = ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'denied', 'failed'];
const DOCS = SEED.spaces.DOCS;

export interface ChartCost {
  chart: string;
  kvsRequests: number;
  readBytes: number;
  requestsShown: number;
}

/** 100,000 requests spread over the last 30 days, by 200 tokens, in DOCS, a ninth refused and a ninth failed. */
function seededEvents(tokenIds: string[], now: number): AuditRecord[] {
  // From the window's first UTC day to a minute ago.
  const start = Date.parse(utcDay(now - 29 * DAY_MS));
  return Array.from({ length: CHART_EVENTS }, (_, i) => {
    const at = start + Math.floor((i / CHART_EVENTS) * (now - 60_000 - start));
    const outcome = OUTCOMES[i % OUTCOMES.length];
    return {
      id: auditEventId(at, randomBytes),
      at,
      tokenId: tokenIds[i % tokenIds.length],
      ownerAccountId: 'bob',
      spaceId: DOCS.id,
      spaceKey: DOCS.key,
      operation: 'read',
      method: 'GET',
      pageId: SEED.pages.gettingStarted.id,
      status: outcome === 'ok' ? 200 : outcome === 'denied' ? 403 : 502,
      outcome,
      code: outcome === 'ok' ? null : outcome === 'denied' ? 'OPERATION_NOT_GRANTED' : 'UPSTREAM_ERROR',
      clientIp: '203.0.113.7',
      userAgent: 'curl/8.5.0',
    };
  });
}

/**
 * The space chart's storage cost with 100,000 requests in its window. The events are stored, and the
 * folded cells are built by the background job's own folders (src/core/activity-folder.ts) over them, in
 * one pass rather than the job's thousand bounded runs (the emulated KVS scans every item per query).
 */
export function measureChart(): Promise<{ costs: ChartCost[]; largestCellBytes: number }> {
  return withApp(async (app) => {
    // The chart reads no token record: ids are all it needs.
    const tokenIds = Array.from({ length: CHART_TOKENS }, () => randomBase62(TOKEN_ID_LENGTH, randomBytes));
    const events = seededEvents(tokenIds, Date.now());
    // A page of events at a time, as the job reads them, each page adding to the cells so far.
    const cells = new Map<string, unknown>();
    for (const page of chunks(events, FOLD_LIMITS.pageSize)) {
      for (const change of foldBatch(FOLDERS, page, cells)) cells.set(change.cell, change.value);
    }
    const run = <T>(body: () => Promise<T>) =>
      app.platform.run({ moduleKey: 'fold-audit-events', moduleType: 'scheduledTrigger', functionKey: 'fold-fn', timeoutMs: 55_000 }, body);
    await run(async () => {
      for (const batch of chunks(events)) {
        await kvs.batchSet(batch.map((event) => ({ key: event.id, value: toAuditEntity(event), entityName: AUDIT_ENTITY })));
      }
      for (const batch of chunks([...cells])) await kvs.batchSet(batch.map(([key, value]) => ({ key, value })));
    });
    const largestCellBytes = Math.max(...[...cells.values()].map((value) => Buffer.byteLength(JSON.stringify(value))));

    const measure = async (chart: string, payload: Record<string, unknown>, expected: number): Promise<ChartCost> => {
      app.kvs.resetCounters();
      const answer = (await app.invoke('alice', 'getSpaceActivity', payload)) as { days?: Array<{ ok: number; denied: number; failed: number }>; error?: unknown };
      if (!answer.days) throw new Error(`getSpaceActivity failed: ${JSON.stringify(answer.error)}`);
      const shown = answer.days.reduce((sum, day) => sum + day.ok + day.denied + day.failed, 0);
      if (shown !== expected) throw new Error(`${chart}: the chart shows ${shown} requests, ${expected} were seeded`);
      const counters = app.kvs.counters();
      return { chart, kvsRequests: counters.readRequests + counters.writeRequests, readBytes: counters.readBytes, requestsShown: shown };
    };
    const costs = [
      await measure('space, every token', { spaceKey: DOCS.key }, CHART_EVENTS),
      await measure('space, one token', { spaceKey: DOCS.key, tokenId: tokenIds[0] }, CHART_EVENTS / CHART_TOKENS),
    ];
    return { costs, largestCellBytes };
  });
}
