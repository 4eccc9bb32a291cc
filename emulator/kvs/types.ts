/** The three separate key spaces of Forge storage: plain KVS, secrets, and custom entities. */
export type StoreKind = 'kv' | 'secret' | 'entity';

export interface ItemRef {
  store: StoreKind;
  /** Set only for `store: 'entity'`. */
  entityName?: string;
  key: string;
}

export interface StoredItem extends ItemRef {
  value: unknown;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Epoch milliseconds; absent when the item has no TTL. */
  expiresAt?: number;
}

export interface ItemChange {
  ref: ItemRef;
  /** `null` deletes the item. */
  item: StoredItem | null;
}

/** Where the engine keeps its items. `commit` must be durable (or final, in memory) when it returns. */
export interface KvsBackend {
  load(): StoredItem[];
  commit(changes: readonly ItemChange[]): void;
  close(): void;
}

export function itemId(ref: ItemRef): string {
  return `${ref.store}\u0000${ref.entityName ?? ''}\u0000${ref.key}`;
}
