import { itemId, type ItemChange, type ItemRef, type KvsBackend, type StoreKind, type StoredItem } from './types';

/** The engine's view of its backend: every read sees every acknowledged write, minus expired items. */
export class ItemTable {
  private readonly items = new Map<string, StoredItem>();

  constructor(
    private readonly backend: KvsBackend,
    private readonly clock: () => number,
  ) {
    for (const item of backend.load()) this.items.set(itemId(item), item);
  }

  now(): number {
    return this.clock();
  }

  private isLive(item: StoredItem): boolean {
    return item.expiresAt === undefined || item.expiresAt > this.clock();
  }

  get(ref: ItemRef): StoredItem | undefined {
    const item = this.items.get(itemId(ref));
    return item && this.isLive(item) ? structuredClone(item) : undefined;
  }

  list(store: StoreKind, entityName?: string): StoredItem[] {
    const live: StoredItem[] = [];
    for (const item of this.items.values()) {
      if (item.store === store && item.entityName === entityName && this.isLive(item)) live.push(item);
    }
    return structuredClone(live);
  }

  /** Everything held, expired or not. */
  all(): StoredItem[] {
    return structuredClone([...this.items.values()]);
  }

  /** Persists the changes as one atomic unit, then makes them visible. */
  commit(changes: readonly ItemChange[]): void {
    if (changes.length === 0) return;
    const copies = structuredClone(changes);
    this.backend.commit(copies);
    for (const { ref, item } of copies) {
      if (item) this.items.set(itemId(ref), item);
      else this.items.delete(itemId(ref));
    }
  }

  /** Drops expired items for good, so they stop taking space in the backend. */
  purgeExpired(): void {
    const expired = [...this.items.values()].filter((item) => !this.isLive(item));
    this.commit(expired.map(({ store, entityName, key }) => ({ ref: { store, entityName, key }, item: null })));
  }
}
