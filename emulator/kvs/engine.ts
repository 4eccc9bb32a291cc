import { createMemoryBackend } from './backends';
import { batchDelete, batchGet, batchSet } from './batch';
import type { KvsReply, RequestContext } from './context';
import { CounterSet, RequestUsage, type KvsCounters } from './counters';
import { EntityCatalog, type EntityDefinition } from './entities';
import { queryEntity } from './entity-query';
import { KvsError, KvsErrorCode, badRequest } from './errors';
import { ItemTable } from './item-table';
import { RateLimitWindow, type KvsRateLimits } from './rate-limits';
import { deleteItem, getItem, queryItems, setItem } from './operations';
import { transact } from './transaction';
import type { KvsBackend, StoreKind } from './types';

export interface KvsEngineOptions {
  /** Defaults to a fresh in-memory backend. */
  backend?: KvsBackend;
  /** Custom entities, e.g. `entitiesFromManifest(manifest)`. */
  entities?: readonly EntityDefinition[];
  /** Epoch milliseconds; inject one to test TTL expiry. */
  clock?: () => number;
  /** Enforce Forge's per-minute read and write budgets (e.g. FORGE_KVS_RATE_LIMITS); off when omitted. */
  rateLimits?: KvsRateLimits;
}

/** One stored item, as `dump()` lists it. */
export interface DumpedItem {
  store: StoreKind;
  entityName?: string;
  key: string;
  value: unknown;
  /** ISO 8601; present when the item has a TTL. */
  expiresAt?: string;
  expired: boolean;
}

interface Route {
  handle: (ctx: RequestContext, body: unknown) => KvsReply;
  reads: boolean;
  writes: boolean;
}

const read = (handle: Route['handle']): Route => ({ handle, reads: true, writes: false });
const write = (handle: Route['handle']): Route => ({ handle, reads: false, writes: true });

const ROUTES: Record<string, Route> = {
  '/api/v1/get': read((ctx, body) => getItem(ctx, 'kv', body)),
  '/api/v1/set': write((ctx, body) => setItem(ctx, 'kv', body)),
  '/api/v1/delete': write((ctx, body) => deleteItem(ctx, 'kv', body)),
  '/api/v1/query': read(queryItems),
  '/api/v1/secret/get': read((ctx, body) => getItem(ctx, 'secret', body)),
  '/api/v1/secret/set': write((ctx, body) => setItem(ctx, 'secret', body)),
  '/api/v1/secret/delete': write((ctx, body) => deleteItem(ctx, 'secret', body)),
  '/api/v1/entity/get': read((ctx, body) => getItem(ctx, 'entity', body)),
  '/api/v1/entity/set': write((ctx, body) => setItem(ctx, 'entity', body)),
  '/api/v1/entity/delete': write((ctx, body) => deleteItem(ctx, 'entity', body)),
  '/api/v1/entity/query': read(queryEntity),
  '/api/v1/batch/get': read(batchGet),
  '/api/v1/batch/set': write(batchSet),
  '/api/v1/batch/delete': write(batchDelete),
  '/api/v1/transaction': write(transact),
};

/**
 * The emulated Forge KVS service: answers the REST calls @forge/kvs makes through `__forge_fetch__`.
 * Every request runs synchronously to completion, so requests are atomic and strongly consistent.
 */
export class KvsEngine {
  private readonly table: ItemTable;
  private readonly entities: EntityCatalog;
  private readonly counterSet = new CounterSet();
  private readonly backend: KvsBackend;
  private readonly rateLimit: RateLimitWindow | undefined;

  constructor(options: KvsEngineOptions = {}) {
    this.backend = options.backend ?? createMemoryBackend();
    this.table = new ItemTable(this.backend, options.clock ?? Date.now);
    this.rateLimit = options.rateLimits && new RateLimitWindow(options.rateLimits, options.clock ?? Date.now);
    this.entities = new EntityCatalog(options.entities ?? []);
    this.table.purgeExpired();
  }

  /** Answers one request; `body` is the parsed JSON request body. */
  handle(path: string, body: unknown): KvsReply {
    const route = ROUTES[path];
    const usage = new RequestUsage();
    try {
      if (!route) throw new KvsError(KvsErrorCode.UNKNOWN_ENDPOINT, `No KVS endpoint ${path}`);
      const kind = { reads: route.reads || (path === '/api/v1/transaction' && hasChecks(body)), writes: route.writes };
      this.rateLimit?.admit(kind);
      try {
        return route.handle({ table: this.table, entities: this.entities, usage }, body);
      } finally {
        this.counterSet.record(path, kind, usage);
        this.rateLimit?.charge(usage.usage.readBytes, usage.usage.writtenBytes, kind);
      }
    } catch (error) {
      if (error instanceof KvsError) return { status: error.status, body: error.body() };
      throw error;
    }
  }

  /** The `__forge_fetch__` side: takes the SDK's request, answers a fetch Response. */
  async fetch(path: string, init?: { body?: unknown }): Promise<Response> {
    let reply: KvsReply;
    try {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      reply = this.handle(path, body);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      const invalid = badRequest('Provided request body is invalid');
      reply = { status: invalid.status, body: invalid.body() };
    }
    return reply.body === undefined
      ? new Response(null, { status: reply.status })
      : new Response(JSON.stringify(reply.body), {
          status: reply.status,
          headers: { 'content-type': 'application/json' },
        });
  }

  counters(): KvsCounters {
    return this.counterSet.snapshot();
  }

  resetCounters(): void {
    this.counterSet.reset();
  }

  /** Every item held, secrets and expired items included (tests scan it for leaked secrets). */
  dump(): DumpedItem[] {
    const now = this.table.now();
    return this.table.all().map((item) => ({
      store: item.store,
      ...(item.entityName !== undefined && { entityName: item.entityName }),
      key: item.key,
      value: item.value,
      ...(item.expiresAt !== undefined && { expiresAt: new Date(item.expiresAt).toISOString() }),
      expired: item.expiresAt !== undefined && item.expiresAt <= now,
    }));
  }

  close(): void {
    this.backend.close();
  }
}

function hasChecks(body: unknown): boolean {
  return typeof body === 'object' && body !== null && Array.isArray((body as { check?: unknown }).check);
}

export function createKvsEngine(options: KvsEngineOptions = {}): KvsEngine {
  return new KvsEngine(options);
}
