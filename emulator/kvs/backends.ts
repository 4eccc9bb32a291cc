import * as path from 'node:path';
import { openJournal } from '../durable';
import { itemId, type ItemChange, type KvsBackend, type StoredItem } from './types';

function applyChanges(items: Map<string, StoredItem>, changes: readonly ItemChange[]): void {
  for (const { ref, item } of changes) {
    if (item) items.set(itemId(ref), item);
    else items.delete(itemId(ref));
  }
}

/** Keeps items in memory only. Engines reopened on the same backend see what earlier ones wrote. */
export function createMemoryBackend(): KvsBackend {
  const items = new Map<string, StoredItem>();
  return {
    load: () => [...items.values()].map((item) => structuredClone(item)),
    commit: (changes) => applyChanges(items, structuredClone(changes)),
    close: () => undefined,
  };
}

/** Keeps items in `<dir>/kvs.jsonl`, a journal synced to disk before each write is acknowledged. */
export function openDirectoryBackend(dir: string): KvsBackend {
  const journal = openJournal<StoredItem>(path.join(dir, 'kvs.jsonl'));
  return {
    load: () => [...journal.initial.values()],
    commit: (changes) => journal.commit(changes.map(({ ref, item }) => ({ id: itemId(ref), record: item }))),
    close: () => journal.close(),
  };
}
