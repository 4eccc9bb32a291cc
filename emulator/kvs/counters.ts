/** Usage of one KVS endpoint; a batch or transaction is one request with several operations. */
export interface KvsUsage {
  readRequests: number;
  writeRequests: number;
  /** Items read (returned by a get, query or batch get, or checked by a transaction). */
  readOps: number;
  /** Items written or deleted. */
  writeOps: number;
  /** Serialized key + value bytes of the items read. */
  readBytes: number;
  /** Serialized key + value bytes of the items written (deletes count their key). */
  writtenBytes: number;
}

export interface KvsCounters extends KvsUsage {
  /** By request path, e.g. `/api/v1/entity/query`. */
  byPath: Record<string, KvsUsage>;
}

function emptyUsage(): KvsUsage {
  return { readRequests: 0, writeRequests: 0, readOps: 0, writeOps: 0, readBytes: 0, writtenBytes: 0 };
}

export function itemBytes(key: string, value?: unknown): number {
  return Buffer.byteLength(key, 'utf8') + (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8'));
}

/** Counts what one request did; `commit` adds it to the totals. */
export class RequestUsage {
  readonly usage = emptyUsage();

  read(key: string, value: unknown): void {
    this.usage.readOps += 1;
    this.usage.readBytes += itemBytes(key, value);
  }

  wrote(key: string, value?: unknown): void {
    this.usage.writeOps += 1;
    this.usage.writtenBytes += itemBytes(key, value);
  }
}

export class CounterSet {
  private counters: KvsCounters = { ...emptyUsage(), byPath: {} };

  record(path: string, kind: { reads: boolean; writes: boolean }, request: RequestUsage): void {
    const perPath = (this.counters.byPath[path] ??= emptyUsage());
    for (const target of [this.counters, perPath]) {
      if (kind.reads) target.readRequests += 1;
      if (kind.writes) target.writeRequests += 1;
      target.readOps += request.usage.readOps;
      target.writeOps += request.usage.writeOps;
      target.readBytes += request.usage.readBytes;
      target.writtenBytes += request.usage.writtenBytes;
    }
  }

  snapshot(): KvsCounters {
    return structuredClone(this.counters);
  }

  reset(): void {
    this.counters = { ...emptyUsage(), byPath: {} };
  }
}
