import type { AuditRecord } from '../core/audit';
import type { CellChange, FoldPosition } from '../core/fold';
import type { TokenUsage } from '../core/token';
import type { Paged } from './token-store';

/**
 * A window of events being folded over several transactions: every event after the position and up to
 * `target` (inclusive, in `isFolded`'s sense), whose cells, sorted by name, are written `done` at a time.
 */
export interface PendingWindow {
  target: FoldPosition;
  /** How many of the window's cells (in name order) already hold its events. */
  done: number;
}

/** The fold job's stored position; `seq` grows by one with every committed transaction. */
export interface FoldState {
  seq: number;
  position: FoldPosition;
  /** Set while a window is half written; whichever run comes next finishes it first. */
  pending?: PendingWindow;
}

/** What the background fold reads and writes. */
export interface FoldStore {
  state(): Promise<FoldState>;
  /**
   * Audit events with `from <= at < before`, oldest first. The cursor pages within one run only; it is
   * never stored.
   */
  events(from: number, before: number, cursor: string | undefined, limit: number): Promise<Paged<AuditRecord>>;
  /** Current values of folded cells; absent cells are missing from the map. */
  cells(names: string[]): Promise<Map<string, unknown>>;
  /**
   * Writes the changed cells and the next state in one transaction, only if the stored state is still
   * `previous`. Answers false when another run got there first (nothing is written then).
   */
  commit(previous: FoldState, next: FoldState, changes: CellChange[]): Promise<boolean>;
}

/** A batch read holds 25 items: the tokens' totals and the fold state. */
export const USAGE_READ_LIMIT = 24;

/** Folded usage as the lists read it. */
export interface UsageTotals {
  /**
   * Totals for at most `USAGE_READ_LIMIT` tokens in one storage request, and the time up to which every
   * event is counted (null before the first fold).
   */
  read(tokenIds: string[]): Promise<{ usage: Map<string, TokenUsage>; asOf: number | null }>;
}
