import type { ActivityCounts } from '../../ports/activity';
import { USAGE_READ_LIMIT } from '../../ports/fold-store';
import { readFolded } from './fold-store';
import { chunks } from './limits';

export class KvsActivityCounts implements ActivityCounts {
  async read(cells: string[]): Promise<{ counts: Map<string, unknown>; asOf: number | null }> {
    const reads = await Promise.all(chunks(cells, USAGE_READ_LIMIT).map((batch) => readFolded<unknown>(batch)));
    const asOfs = reads.map((read) => read.asOf);
    // Batches read a moment apart: claim only what holds for all of them.
    const asOf = asOfs.includes(null) ? null : Math.min(...(asOfs as number[]));
    return { counts: new Map(reads.flatMap((read) => [...read.values])), asOf: reads.length === 0 ? null : asOf };
  }
}
