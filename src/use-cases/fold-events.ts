import type { AuditRecord } from '../core/audit';
import { cellsOf, foldBatch, isFolded, passing, type Folder } from '../core/fold';
import { spaceActivityFolder, tokenActivityFolder } from '../core/activity-folder';
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

export const FOLD_LIMITS: FoldLimits = { maxPages: 50, pageSize: 100, maxWrites: 1_000, settleMs: 2 * 60_000 };

/** Every folded total, all fed the same batches in one pass; add a folder here to fold something new. */
export const FOLDERS: readonly Folder[] = [usageFolder as Folder, spaceActivityFolder as Folder, tokenActivityFolder as Folder];

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
 * line, within `limits`. Events are gathered across pages into batches of at most MAX_CELLS_PER_BATCH
 * cells (a few busy tokens make one batch of thousands of events); each batch is committed with the
 * position after it in one transaction conditional on the state it started from, so a run that dies
 * halfway, or two runs at once, never count an event twice or skip one.
 *
 * A run makes progress as long as fewer than maxPages × pageSize events share one millisecond (the
 * gateway writes at most 4,000 a minute per installation).
 */
export async function foldEvents(store: FoldStore, folders: readonly Folder[], now: number, limits: FoldLimits = FOLD_LIMITS): Promise<FoldReport> {
  const start = await store.state();
  const settled = now - limits.settleMs;
  const report: FoldReport = { pages: 0, eventsFolded: 0, transactions: 0, writes: 0, caughtUp: false, superseded: false, asOf: start.position.at };
  // A clock behind the stored position (another instance's) has nothing settled to add.
  if (settled <= start.position.at) return { ...report, caughtUp: true };

  let state = start;
  // This run's view of the cells it has read or written; it stays true while its commits succeed, since
  // every write to a cell goes through a commit conditional on the state.
  const known = new Map<string, unknown>();
  let batch: AuditRecord[] = [];
  let batchCells = new Set<string>();

  /** Commits the batch and the position after it (the settle line once caught up); false when overtaken. */
  async function commit(caughtUp: boolean): Promise<boolean> {
    const missing = [...batchCells].filter((cell) => !known.has(cell));
    if (missing.length > 0) {
      const loaded = await store.cells(missing);
      for (const cell of missing) known.set(cell, loaded.get(cell));
    }
    const changes = foldBatch(folders, batch, known);
    const position = caughtUp ? { at: settled, ids: [] } : batch.reduce(passing, state.position);
    const next: FoldState = { seq: state.seq + 1, position };
    if (!(await store.commit(state, next, changes))) {
      report.superseded = true;
      return false;
    }
    for (const change of changes) known.set(change.cell, change.value);
    state = next;
    Object.assign(report, {
      transactions: report.transactions + 1,
      writes: report.writes + changes.length + 1,
      eventsFolded: report.eventsFolded + batch.length,
      asOf: position.at,
      caughtUp,
    });
    batch = [];
    batchCells = new Set();
    return true;
  }

  let cursor: string | undefined;
  while (report.pages < limits.maxPages) {
    const page = await store.events(start.position.at, settled, cursor, limits.pageSize);
    report.pages += 1;
    for (const event of page.items) {
      if (isFolded(start.position, event)) continue;
      const cells = cellsOf(folders, event);
      if (cells.length > MAX_CELLS_PER_BATCH) throw new Error(`An audit event changes more than ${MAX_CELLS_PER_BATCH} folded cells`);
      let merged = new Set([...batchCells, ...cells]);
      if (merged.size > MAX_CELLS_PER_BATCH) {
        if (!(await commit(false)) || report.writes >= limits.maxWrites) return report;
        merged = new Set(cells);
      }
      batch.push(event);
      batchCells = merged;
    }
    // Past the last settled event, everything before the settle line is counted.
    if (page.cursor === null) {
      await commit(true);
      return report;
    }
    cursor = page.cursor;
  }
  if (batch.length > 0) await commit(false);
  return report;
}
