/**
 * A map that keeps at most `maxEntries` entries: reading or writing an entry makes it the most recent,
 * and past the bound the least recently used is forgotten. Per-instance memory (rate buckets, what is
 * known about credentials) uses it so that no number of distinct keys can grow an instance's memory.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly maxEntries: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
