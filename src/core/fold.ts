import type { AuditRecord } from './audit';

/**
 * How far the background fold has got through the audit events, in the by-time index's order:
 * every event before `at`, and the events at exactly `at` whose ids are listed. A time watermark, not a
 * storage cursor (Forge cursors must not be stored); the ids make events that share a millisecond
 * safe to resume between.
 */
export interface FoldPosition {
  at: number;
  ids: string[];
}

export const FOLD_START: FoldPosition = { at: 0, ids: [] };

export function isFolded(position: FoldPosition, event: Pick<AuditRecord, 'at' | 'id'>): boolean {
  return event.at < position.at || (event.at === position.at && position.ids.includes(event.id));
}

/** The position once `event`, the next unfolded event in time order, is folded. */
export function passing(position: FoldPosition, event: Pick<AuditRecord, 'at' | 'id'>): FoldPosition {
  return event.at === position.at ? { at: event.at, ids: [...position.ids, event.id] } : { at: event.at, ids: [event.id] };
}

/**
 * One kind of folded total. The fold job hands every folder the same batches of events; each says which
 * of its stored cells an event changes and how a cell's value grows. Cells are storage keys of their own
 * (a folder prefixes them), written in the same transaction as the fold position, so a batch is counted
 * exactly once even when a run dies halfway.
 */
export interface Folder<V = unknown> {
  /** The cells this event adds to; a handful at most (a transaction holds 25 writes). */
  cellsOf(event: AuditRecord): string[];
  /** A cell's value with `events` (all of which touch the cell) added; `current` is undefined for a new cell. */
  add(cell: string, current: V | undefined, events: AuditRecord[]): V;
  /** Storage drops a cell this long after its last change. */
  ttlDays: number;
}

export interface CellChange {
  cell: string;
  value: unknown;
  ttlDays: number;
}

/** Every folder's changed cells for one batch of events, given the cells' current values. */
export function foldBatch(folders: readonly Folder[], events: readonly AuditRecord[], current: ReadonlyMap<string, unknown>): CellChange[] {
  return folders.flatMap((folder) => {
    const byCell = new Map<string, AuditRecord[]>();
    for (const event of events) {
      for (const cell of folder.cellsOf(event)) byCell.set(cell, [...(byCell.get(cell) ?? []), event]);
    }
    return [...byCell].map(([cell, touching]) => ({ cell, value: folder.add(cell, current.get(cell), touching), ttlDays: folder.ttlDays }));
  });
}

/** The cells of every folder that one event changes. */
export function cellsOf(folders: readonly Folder[], event: AuditRecord): string[] {
  return [...new Set(folders.flatMap((folder) => folder.cellsOf(event)))];
}
