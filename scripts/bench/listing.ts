import { randomBytes } from 'node:crypto';
import { kvs } from '@forge/kvs';
import type { EmulatedApp } from '../../emulator/app';
import { auditEventId, type AuditRecord } from '../../src/core/audit';
import { DAY_MS } from '../../src/core/clock';
import { hashSecret, SALT_BYTES } from '../../src/core/secret-hash';
import type { TokenRecord } from '../../src/core/token';
import { generateToken, tokenHint } from '../../src/core/token-format';
import { toAuditEntity } from '../../src/adapters/kvs/audit-entity';
import { AUDIT_ENTITY, GRANT_ENTITY, TOKEN_ENTITY } from '../../src/adapters/kvs/schema';
import { grantKey, toEntity, type GrantEntity } from '../../src/adapters/kvs/token-entity';
import { SEED, withApp } from './fixture';

export const SEEDED_TOKENS = 10_000;
export const SEEDED_EVENTS = 100_000;
const BATCH = 25;
const OWNERS = ['alice', 'bob'];
const DOCS = { key: SEED.spaces.DOCS.key, id: SEED.spaces.DOCS.id };

type Item = { key: string; value: unknown; entityName: string };

/** Every token reaches DOCS, every event is in DOCS: the worst case for DOCS's admin. */
function seedItems(now: number): Item[] {
  const items: Item[] = [];
  const tokens: TokenRecord[] = [];
  for (let i = 0; i < SEEDED_TOKENS; i++) {
    const { id, secret, token } = generateToken(randomBytes, randomBytes(32)); // never presented: any key will do
    const createdAt = now - 30 * DAY_MS + i * 1000;
    const record: TokenRecord = {
      id,
      ownerAccountId: OWNERS[i % OWNERS.length],
      label: `Seeded token ${i}`,
      spaces: [DOCS],
      operations: ['read', 'update'],
      createdAt,
      expiresAt: createdAt + 90 * DAY_MS,
      revokedAt: null,
      secretHash: hashSecret(secret, randomBytes(SALT_BYTES)),
      hint: tokenHint(token),
      allowedIps: [],
      pages: [],
      previousSecret: null,
      version: 1,
    };
    tokens.push(record);
    items.push({ key: id, value: toEntity(record), entityName: TOKEN_ENTITY });
    const grant: GrantEntity = { tokenId: id, spaceKey: DOCS.key, createdAt };
    items.push({ key: grantKey(id, DOCS), value: grant, entityName: GRANT_ENTITY });
  }
  for (let i = 0; i < SEEDED_EVENTS; i++) {
    const token = tokens[i % tokens.length];
    const at = token.createdAt + 1000 + Math.floor(i / tokens.length) * 60_000;
    const record: AuditRecord = {
      id: auditEventId(at, randomBytes),
      at,
      tokenId: token.id,
      ownerAccountId: token.ownerAccountId,
      spaceId: DOCS.id,
      spaceKey: DOCS.key,
      operation: 'read',
      method: 'GET',
      pageId: SEED.pages.gettingStarted.id,
      status: 200,
      outcome: 'ok',
      code: null,
      clientIp: '203.0.113.7',
      userAgent: 'curl/8.5.0',
    };
    items.push({ key: record.id, value: toAuditEntity(record), entityName: AUDIT_ENTITY });
  }
  return items;
}

/** Writes through the real @forge/kvs (batches of 25, its limit), in the shapes the app's adapters store. */
async function seed(now: number): Promise<void> {
  const items = seedItems(now);
  for (let start = 0; start < items.length; start += BATCH) {
    const { failedKeys } = await kvs.batchSet(items.slice(start, start + BATCH));
    if (failedKeys.length > 0) throw new Error(`Seeding failed: ${JSON.stringify(failedKeys[0])}`);
  }
}

export interface ListingCost {
  listing: string;
  items: number;
  kvsRequests: number;
  queries: number;
  writes: number;
  readBytes: number;
  ms: number;
  /** Of `ms`, the time the emulated KVS took to answer (its queries scan every item of an entity). */
  emulatedKvsMs: number;
}

/** Times the emulated KVS's answers (synchronous, so they add up), to tell the app's own time from the emulator's. */
function timeKvs(app: EmulatedApp): { take(): number } {
  const original = app.kvs.handle.bind(app.kvs);
  let total = 0;
  app.kvs.handle = (path, body) => {
    const start = performance.now();
    try {
      return original(path, body);
    } finally {
      total += performance.now() - start;
    }
  };
  return {
    take: () => {
      const spent = total;
      total = 0;
      return spent;
    },
  };
}

async function measure(app: EmulatedApp, kvsTime: { take(): number }, listing: string, call: () => Promise<unknown>, count: (answer: any) => number): Promise<ListingCost> {
  app.kvs.resetCounters();
  kvsTime.take();
  const start = performance.now();
  const answer = await call();
  const ms = performance.now() - start;
  if (typeof answer === 'object' && answer !== null && 'error' in answer) throw new Error(`${listing}: ${JSON.stringify(answer)}`);
  if (count(answer) === 0) throw new Error(`${listing} found nothing: the seed no longer matches what the app stores`);
  const counters = app.kvs.counters();
  const queries = Object.entries(counters.byPath).reduce((sum, [path, usage]) => sum + (path.endsWith('/query') ? usage.readRequests : 0), 0);
  return {
    listing,
    items: count(answer),
    kvsRequests: counters.readRequests + counters.writeRequests,
    queries,
    writes: counters.writeRequests,
    readBytes: counters.readBytes,
    ms,
    emulatedKvsMs: kvsTime.take(),
  };
}

/** DOCS's admin opens the space's token usage page: first page of tokens, then of audit events. */
export function measureSpaceListing(): Promise<{ seedMs: number; costs: ListingCost[] }> {
  return withApp(async (app) => {
    const seedStart = performance.now();
    await seed(Date.now());
    const seedMs = performance.now() - seedStart;
    const kvsTime = timeKvs(app);
    const tokens = () => app.invoke('alice', 'listSpaceTokens', { spaceKey: DOCS.key });
    const audit = () => app.invoke('alice', 'listAudit', { spaceKey: DOCS.key });
    const costs = [
      await measure(app, kvsTime, 'tokens, first view', tokens, (answer) => answer.tokens.length),
      await measure(app, kvsTime, 'tokens, again', tokens, (answer) => answer.tokens.length),
      await measure(app, kvsTime, 'audit events', audit, (answer) => answer.items.length),
    ];
    return { seedMs, costs };
  });
}
