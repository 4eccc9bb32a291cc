import { batchesByCells, foldBatch, isFolded, passing, type Folder } from '../core/fold';
import { usageFolder } from '../core/usage-folder';
import type { FoldState, FoldStore } from '../ports/fold-store';

/**
 * Bounds of one run. Forge runs a scheduled trigger every five minutes at the most and stops it after
 * 55 s; KVS allows 4,000 writes a minute per installation, shared with the gateway's audit writes.
 */
export interface FoldLimits {
  /** Index queries ("pages") per run. */
  maxPages: number;
  /** Events per page (Forge's query limit is 100). */
  pageSize: number;
  /** Stop starting transactions once this many cells and positions have been written. */
  maxWrites: number;
  /**
   * Only events older than this are folded: index queries are eventually consistent, and an event is
   * stamped with its request's start, up to a function's 55 s before it is written.
   */
  settleMs: number;
}

export const FOLD_LIMITS: FoldLimits = { maxPages: 20, pageSize: 100, maxWrites: 1_000, settleMs: 2 * 60_000 };

/** Every folded total, all fed the same batches in one pass; add a folder here to fold something new. */
export const FOLDERS: readonly Folder[] = [usageFolder as Folder];

/** A transaction holds 25 operations: the fold state and up to 24 cells. */
export const MAX_CELLS_PER_BATCH = 24;

export interface FoldReport {
  pages: number;
  eventsFolded: number;
  transactions: number;
  /** Storage writes: cells plus one state per transaction. */
  writes: number;
  /** True when every settled event is folded; false when the run stopped at a bound (the next run goes on). */
  caughtUp: boolean;
  /** True when another run committed first and this one stopped without writing. */
  superseded: boolean;
  /** Every event before this instant is counted (epoch ms). */
  asOf: number;
}

/**
 * Folds audit events into every folder's cells, oldest first, from the stored position up to the settle
 * line, within `limits`. Each batch of events is committed with the position after it in one transaction
 * conditional on the previous state, so a run that dies halfway, or two runs at once, never count an
 * event twice or skip one.
 */
export async function foldEvents(store: FoldStore, folders: readonly Folder[], now: number, limits: FoldLimits = FOLD_LIMITS): Promise<FoldReport> {
  let state = await store.state();
  const settled = now - limits.settleMs;
  const report: FoldReport = { pages: 0, eventsFolded: 0, transactions: 0, writes: 0, caughtUp: false, superseded: false, asOf: state.position.at };
  // A clock behind the stored position (another instance's) has nothing settled to add.
  if (settled <= state.position.at) return { ...report, caughtUp: true };

  // This run's view of the cells it has read or written; valid while its commits succeed, since every
  // write to a cell goes through a commit conditional on the state.
  const known = new Map<string, unknown>();
  const from = state.position.at;
  let cursor: string | undefined;
  while (report.pages < limits.maxPages && report.writes < limits.maxWrites) {
    const page = await store.events(from, settled, cursor, limits.pageSize);
    report.pages += 1;
    const fresh = page.items.filter((event) => !isFolded(state.position, event));
    const last = page.cursor === null;
    const batches = batchesByCells(folders, fresh, MAX_CELLS_PER_BATCH);
    if (batches.length === 0 && last) batches.push([]);
    for (const [index, batch] of batches.entries()) {
      if (report.writes >= limits.maxWrites) return report;
      const cells = [...new Set(batch.flatMap((event) => folders.flatMap((folder) => folder.cellsOf(event))))];
      const missing = cells.filter((cell) => !known.has(cell));
      if (missing.length > 0) {
        const loaded = await store.cells(missing);
        for (const cell of missing) known.set(cell, loaded.get(cell));
      }
      const changes = foldBatch(folders, batch, known);
      // Past the last settled event, everything before the settle line is counted.
      const caughtUp = last && index === batches.length - 1;
      const position = caughtUp ? { at: settled, ids: [] } : batch.reduce(passing, state.position);
      const next: FoldState = { seq: state.seq + 1, position };
      if (!(await store.commit(state, next, changes))) return { ...report, superseded: true };
      for (const change of changes) known.set(change.cell, change.value);
      state = next;
      report.transactions += 1;
      report.writes += changes.length + 1;
      report.eventsFolded += batch.length;
      report.asOf = position.at;
      report.caughtUp = caughtUp;
    }
    if (last) break;
    cursor = page.cursor ?? undefined;
  }
  return report;
}
