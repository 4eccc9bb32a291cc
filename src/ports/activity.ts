/** Folded daily activity (src/core/activity-folder.ts) as the charts read it. */
export interface ActivityCounts {
  /**
   * Cells in one storage request per USAGE_READ_LIMIT of them, and the time up to which every event is
   * counted (null before the first fold); absent cells are missing from the map.
   */
  read(cells: string[]): Promise<{ counts: Map<string, unknown>; asOf: number | null }>;
}
