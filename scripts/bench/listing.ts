import { randomBytes } from 'node:crypto';
import { kvs } from '@forge/kvs';
import type { EmulatedApp } from '../../emulator/app';
import type { AuditRecord } from '../../src/core/audit';
import { DAY_MS } from '../../src/core/clock';
import { hashSecret, SALT_BYTES } from '../../src/core/secret-hash';
import type { TokenRecord } from '../../src/core/token';
import { generateToken, tokenHint } from '../../src/core/token-format';
import { GRANT_ENTITY, TOKEN_ENTITY } from '../../src/adapters/kvs/schema';
import { grantKey, toEntity, type GrantEntity } from '../../src/adapters/kvs/token-entity';
import type { FoldReport } from '../../src/use-cases/fold-events';
import { readEvent, storeAuditEvents } from '../../test/support/seed-audit';
import { SEED, withApp } from './fixture';

export const SEEDED_TOKENS = 10_000;
export const SEEDED_EVENTS = 100_000;
/** Unfolded events on the tokens each list shows first (carol's, the newest on the site). */
export const UNFOLDED_EVENTS = 10_000;
const LISTED_TOKENS = 20;
const BATCH = 25;
const OWNERS = ['alice', 'bob'];
const DOCS = { key: SEED.spaces.DOCS.key, id: SEED.spaces.DOCS.id };

type Item = { key: string; value: unknown; entityName: string };

function seededToken(owner: string, label: string, createdAt: number): TokenRecord {
  const { id, secret, token } = generateToken(randomBytes, randomBytes(32));
  return {
    id,
    ownerAccountId: owner,
    label,
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
    adminCuts: [],
    version: 1,
  };
}

function tokenItems(token: TokenRecord): Item[] {
  const grant: GrantEntity = { tokenId: token.id, spaceKey: DOCS.key, createdAt: token.createdAt };
  return [
    { key: token.id, value: toEntity(token), entityName: TOKEN_ENTITY },
    { key: grantKey(token.id, DOCS), value: grant, entityName: GRANT_ENTITY },
  ];
}

/**
 * Every token reaches DOCS, every event is in DOCS: the worst case for DOCS's admin. 10,000 older tokens
 * of alice and bob with 100,000 events between them, and carol's 20 newest tokens, first on every list,
 * with 10,000 events that no fold has counted yet.
 */
async function seed(now: number): Promise<void> {
  const items: Item[] = [];
  const events: AuditRecord[] = [];
  const background = Array.from({ length: SEEDED_TOKENS }, (_, i) => seededToken(OWNERS[i % OWNERS.length], `Seeded token ${i}`, now - 30 * DAY_MS + i * 1000));
  const listed = Array.from({ length: LISTED_TOKENS }, (_, i) => seededToken('carol', `Busy token ${i}`, now - DAY_MS + i * 1000));
  for (const token of [...background, ...listed]) items.push(...tokenItems(token));
  for (let i = 0; i < SEEDED_EVENTS; i++) {
    const token = background[i % background.length];
    events.push(readEvent(token, token.createdAt + 1000 + Math.floor(i / background.length) * 60_000, DOCS));
  }
  for (let i = 0; i < UNFOLDED_EVENTS; i++) events.push(readEvent(listed[i % LISTED_TOKENS], now - 3_600_000 + i * 100, DOCS));
  for (let start = 0; start < items.length; start += BATCH) {
    const { failedKeys } = await kvs.batchSet(items.slice(start, start + BATCH));
    if (failedKeys.length > 0) throw new Error(`Seeding failed: ${JSON.stringify(failedKeys[0])}`);
  }
  await storeAuditEvents(events);
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

/** The first page of each token list (the owner's, a space's, the site's), then a space's audit events, over the seeded store. */
export function measureListings(): Promise<{ seedMs: number; costs: ListingCost[]; listKvsRequests: { own: number; space: number; all: number } }> {
  return withApp(async (app) => {
    const seedStart = performance.now();
    await seed(Date.now());
    const seedMs = performance.now() - seedStart;
    const kvsTime = timeKvs(app);
    const tokens = (answer: any) => (answer.tokens ?? answer.items).length;
    const own = await measure(app, kvsTime, "owner's tokens (carol)", () => app.invoke('carol', 'listTokens'), tokens);
    const space = await measure(app, kvsTime, 'space tokens (DOCS)', () => app.invoke('alice', 'listSpaceTokens', { spaceKey: DOCS.key }), tokens);
    const all = await measure(app, kvsTime, 'all tokens (site admin)', () => app.invoke('siteadmin', 'listAllTokens', {}), tokens);
    const audit = await measure(app, kvsTime, 'space audit events', () => app.invoke('alice', 'listAudit', { spaceKey: DOCS.key }), (answer) => answer.items.length);
    return { seedMs, costs: [own, space, all, audit], listKvsRequests: { own: own.kvsRequests, space: space.kvsRequests, all: all.kvsRequests } };
  });
}

export interface FoldRunCost {
  scenario: string;
  run: number;
  eventsFolded: number;
  pages: number;
  readRequests: number;
  writeRequests: number;
  /** Items written: folded cells plus one fold state per transaction. */
  writeOps: number;
  ms: number;
}

/** The worst interleaving the fold is held to: every request of another of 25 tokens and another of 10 spaces. */
const WORST_TOKENS = 25;
const WORST_SPACES = 10;
/** More than one run folds, so the first run stops at its bounds. */
export const WORST_EVENTS = 20_000;

/** Token and space of the i-th request: the 250 pairs in turn, 7 apart, so neighbours differ in token and mostly in space. */
function interleaved(i: number): { token: number; space: number } {
  const pair = (i * 7) % (WORST_TOKENS * WORST_SPACES);
  return { token: pair % WORST_TOKENS, space: Math.floor(pair / WORST_TOKENS) };
}

/**
 * Runs the scheduled fold, as Forge would every five minutes, until it has caught up with `events`
 * settled events spread over `tokens` tokens (in DOCS, or over 10 spaces when `interleave`); one row per run.
 */
async function measureFold(scenario: string, tokens: number, events: number, interleave = false): Promise<FoldRunCost[]> {
  return withApp(async (app) => {
    const now = Date.now();
    const owners = Array.from({ length: tokens }, (_, i) => ({ id: `tok${String(i).padStart(9, '0')}`, ownerAccountId: 'carol' }));
    const spaces = Array.from({ length: WORST_SPACES }, (_, i) => ({ id: `77${i}`, key: `SPACE${i}` }));
    const at = (i: number) => now - 3_600_000 + Math.floor((i * 3_000_000) / events);
    const event = (i: number) => (interleave ? readEvent(owners[interleaved(i).token], at(i), spaces[interleaved(i).space]) : readEvent(owners[i % tokens], at(i), DOCS));
    await storeAuditEvents(Array.from({ length: events }, (_, i) => event(i)));
    const runs: FoldRunCost[] = [];
    for (let run = 1; ; run++) {
      app.kvs.resetCounters();
      const start = performance.now();
      const result = await app.scheduledTrigger('fold-audit-events');
      const ms = performance.now() - start;
      if (!result.ok || result.response.statusCode !== 200) throw new Error(`Fold run failed: ${JSON.stringify(result)}`);
      const report = JSON.parse(result.response.body ?? '') as FoldReport;
      const counters = app.kvs.counters();
      runs.push({ scenario, run, eventsFolded: report.eventsFolded, pages: report.pages, readRequests: counters.readRequests, writeRequests: counters.writeRequests, writeOps: counters.writeOps, ms });
      if (report.caughtUp) break;
      if (run > 100) throw new Error('The fold did not catch up in 100 runs');
    }
    const folded = runs.reduce((sum, run) => sum + run.eventsFolded, 0);
    if (folded !== events) throw new Error(`${scenario}: folded ${folded} of ${events} events`);
    return runs;
  });
}

export const WORST_SCENARIO = `${WORST_EVENTS.toLocaleString('en-US')} events interleaved over ${WORST_TOKENS} tokens × ${WORST_SPACES} spaces`;

/**
 * The fold's cost per run: events on a few busy tokens (cheap: few cells), on as many tokens as events (four
 * cells per event), and interleaved over 25 tokens × 10 spaces (310 cells, every neighbour in other ones).
 */
export async function measureFoldRuns(): Promise<FoldRunCost[]> {
  return [
    ...(await measureFold('10,000 events on 20 tokens', LISTED_TOKENS, UNFOLDED_EVENTS)),
    ...(await measureFold('3,000 events on 3,000 tokens', 3_000, 3_000)),
    ...(await measureFold(WORST_SCENARIO, WORST_TOKENS, WORST_EVENTS, true)),
  ];
}

/** Forge runs the fold every five minutes. */
const FOLD_INTERVAL_MINUTES = 5;

/** What the fold keeps up with in the worst interleaving: the first run's events (it stops at its bounds) per minute between runs. */
export function foldEventsPerMinuteWorst(runs: FoldRunCost[]): number {
  const first = runs.find((run) => run.scenario === WORST_SCENARIO && run.run === 1);
  if (!first) throw new Error('No run of the worst fold scenario');
  return Math.floor(first.eventsFolded / FOLD_INTERVAL_MINUTES);
}
