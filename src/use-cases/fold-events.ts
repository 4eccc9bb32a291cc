import type { AuditRecord } from '../core/audit';
import { cellsOf, foldBatch, isFolded, passing, type FoldPosition, type Folder } from '../core/fold';
import { spaceActivityFolder, tokenActivityFolder } from '../core/activity-folder';
import { usageFolder } from '../core/usage-folder';
import type { FoldState, FoldStore } from '../ports/fold-store';

/**
 * Bounds of one run. Forge runs the scheduled trigger every five minutes; the fold function declares a
 * longer timeout (manifest.yml) and uses up to `runMs` of it. KVS allows 4,000 writes a minute per
 * installation, shared with the gateway's audit writes.
 */
export interface FoldLimits {
  /** Index queries ("pages") per run. */
  maxPages: number;
  /** Events per page (Forge's query limit is 100). */
  pageSize: number;
  /**
   * A window of events closes before it touches more cells than this. Each cell is written once per
   * window whatever the number of its events, so the writes follow the distinct tokens and spaces, not
   * how their events interleave.
   */
  maxWindowCells: number;
  /** A window closes at this many events (they are held in memory until it is written). */
  maxWindowEvents: number;
  /** Stop starting transactions once this many cells and states have been written in the run. */
  maxWrites: number;
  /**
   * Only events older than this are folded: index queries are eventually consistent, and an event is
   * stamped with its request's start, up to a function's 55 s before it is written.
   */
  settleMs: number;
  /** Stop starting work this long after the run began: the next run starts five minutes after this one. */
  runMs: number;
  /** ... or once the function has less than this left before Forge stops it. */
  reserveMs: number;
}

export const FOLD_LIMITS: FoldLimits = {
  maxPages: 400,
  pageSize: 100,
  maxWindowCells: 480,
  maxWindowEvents: 5_000,
  maxWrites: 1_000,
  settleMs: 2 * 60_000,
  runMs: 4 * 60_000,
  reserveMs: 60_000,
};

/** Every folded total, all fed the same windows in one pass; add a folder here to fold something new. */
export const FOLDERS: readonly Folder[] = [usageFolder as Folder, spaceActivityFolder as Folder, tokenActivityFolder as Folder];

/** A transaction holds 25 operations: the fold state and up to 24 cells. */
export const MAX_CELLS_PER_BATCH = 24;

/** The run's time: now, and what the function has left before the platform stops it. */
export interface RunClock {
  now(): number;
  remainingMs(): number;
}

const UNBOUNDED_CLOCK: RunClock = { now: () => Date.now(), remainingMs: () => Number.POSITIVE_INFINITY };

export interface FoldReport {
  pages: number;
  eventsFolded: number;
  /** Windows this run completed. */
  windows: number;
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

interface Window {
  events: AuditRecord[];
  target: FoldPosition;
  /** True when the window reaches the settle line: every settled event is in it or before it. */
  toSettleLine: boolean;
}

/**
 * Folds audit events into every folder's cells, oldest first, from the stored position up to the settle
 * line, within `limits` and the run's time.
 *
 * Events are taken a window at a time (up to maxWindowEvents events touching up to maxWindowCells cells);
 * each of the window's cells is read once and written once, 24 to a transaction with the fold state. The
 * first transaction records the window's end and how many cells (in name order) are done; the last moves
 * the position to the window's end. Every transaction is conditional on the state it started from, so a
 * run that dies halfway, or two runs at once, never count an event twice or skip one: the next run reads
 * the same window again and writes the cells not yet done. While a window is half written, a list may
 * count some of its events before its "as of" time says so.
 */
export async function foldEvents(
  store: FoldStore,
  folders: readonly Folder[],
  now: number,
  limits: FoldLimits = FOLD_LIMITS,
  clock: RunClock = UNBOUNDED_CLOCK,
): Promise<FoldReport> {
  const startedAt = clock.now();
  const settled = now - limits.settleMs;
  let state = await store.state();
  const report: FoldReport = { pages: 0, eventsFolded: 0, windows: 0, transactions: 0, writes: 0, caughtUp: false, superseded: false, asOf: state.position.at };
  // A clock behind the stored position (another instance's) has nothing settled to add.
  if (!state.pending && settled <= state.position.at) return { ...report, caughtUp: true };

  const mayGoOn = () =>
    report.writes < limits.maxWrites && clock.now() - startedAt < limits.runMs && clock.remainingMs() > limits.reserveMs;

  /** The events after the position, up to and including `target`: a half-written window, read again. */
  async function windowUpTo(target: FoldPosition): Promise<Window | null> {
    const events: AuditRecord[] = [];
    let cursor: string | undefined;
    do {
      if (report.pages >= limits.maxPages) return null;
      const page = await store.events(state.position.at, target.at + 1, cursor, limits.pageSize);
      report.pages += 1;
      events.push(...page.items.filter((event) => !isFolded(state.position, event) && isFolded(target, event)));
      cursor = page.cursor ?? undefined;
    } while (cursor);
    return { events, target, toSettleLine: target.ids.length === 0 && target.at >= settled };
  }

  /** The next window from the position: events in time order until a bound, or the settle line. */
  async function nextWindow(): Promise<Window | null> {
    const events: AuditRecord[] = [];
    const cells = new Set<string>();
    const closed = (): Window => ({ events, target: events.reduce(passing, state.position), toSettleLine: false });
    let cursor: string | undefined;
    for (;;) {
      if (report.pages >= limits.maxPages) return events.length > 0 ? closed() : null;
      const page = await store.events(state.position.at, settled, cursor, limits.pageSize);
      report.pages += 1;
      for (const event of page.items) {
        if (isFolded(state.position, event)) continue;
        const touched = cellsOf(folders, event);
        const merged = new Set([...cells, ...touched]);
        // A window holds at least one event, whatever it touches.
        if (events.length > 0 && (events.length >= limits.maxWindowEvents || merged.size > limits.maxWindowCells)) return closed();
        events.push(event);
        for (const cell of touched) cells.add(cell);
      }
      // Past the last settled event, everything before the settle line is in the window.
      if (page.cursor === null) return { events, target: { at: settled, ids: [] }, toSettleLine: true };
      cursor = page.cursor;
    }
  }

  /** Writes the window's cells not yet done, 24 to a transaction; false when the run stopped first. */
  async function writeWindow(window: Window): Promise<boolean> {
    const cells = [...new Set(window.events.flatMap((event) => cellsOf(folders, event)))].sort();
    let done = state.pending?.done ?? 0;
    const current = await store.cells(cells.slice(done));
    const changes = new Map(foldBatch(folders, window.events, current).map((change) => [change.cell, change]));
    do {
      if (!mayGoOn()) return false;
      const chunk = cells.slice(done, done + MAX_CELLS_PER_BATCH);
      done += chunk.length;
      const finished = done >= cells.length;
      const next: FoldState = finished
        ? { seq: state.seq + 1, position: window.target }
        : { seq: state.seq + 1, position: state.position, pending: { target: window.target, done } };
      if (!(await store.commit(state, next, chunk.map((cell) => changes.get(cell)!)))) {
        report.superseded = true;
        return false;
      }
      state = next;
      report.transactions += 1;
      report.writes += chunk.length + 1;
    } while (done < cells.length);
    report.windows += 1;
    report.eventsFolded += window.events.length;
    report.asOf = state.position.at;
    return true;
  }

  while (mayGoOn()) {
    const window = state.pending ? await windowUpTo(state.pending.target) : await nextWindow();
    if (!window || !(await writeWindow(window))) return report;
    if (window.toSettleLine) {
      report.caughtUp = true;
      return report;
    }
  }
  return report;
}
