import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsyncDirectory, writeFileAtomic } from './atomic-json';
import { acquireLock } from './dir-lock';

/** One change to a keyed record: `record: null` deletes it. */
export interface JournalChange<R> {
  id: string;
  record: R | null;
}

export interface Journal<R> {
  /** The records the file held when it was opened. */
  readonly initial: ReadonlyMap<string, R>;
  /** Appends the changes as one line and syncs it to disk: all of them survive a crash, or none. */
  commit(changes: readonly JournalChange<R>[]): void;
  close(): void;
}

type Line<R> = Array<[string, R | null]>;

/** Replays the journal; a torn last line (a write cut short by a crash, never acknowledged) is ignored. */
function replay<R>(file: string): Map<string, R> {
  const records = new Map<string, R>();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return records;
    throw error;
  }
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line === '') return;
    const isLast = index >= lines.length - 2;
    let parsed: Line<R>;
    try {
      parsed = JSON.parse(line) as Line<R>;
    } catch (error) {
      if (isLast) return;
      throw new Error(`${file}: corrupt journal line ${index + 1}: ${(error as Error).message}`);
    }
    for (const [id, record] of parsed) {
      if (record === null) records.delete(id);
      else records.set(id, record);
    }
  });
  return records;
}

function serialize<R>(records: ReadonlyMap<string, R>): string {
  let text = '';
  for (const [id, record] of records) text += `${JSON.stringify([[id, record]])}\n`;
  return text;
}

/**
 * Opens (creating it if needed) an append-only JSON-lines journal of keyed records. On open the journal
 * is replayed and compacted (rewritten with only the live records, atomically), then appended to.
 */
export function openJournal<R>(file: string): Journal<R> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const release = acquireLock(`${file}.lock`, { what: file });
  let fd: number;
  let initial: Map<string, R>;
  try {
    initial = replay<R>(file);
    writeFileAtomic(file, serialize(initial));
    fd = fs.openSync(file, 'a');
    fsyncDirectory(path.dirname(file));
  } catch (error) {
    release();
    throw error;
  }
  let open = true;
  return {
    initial,
    commit(changes) {
      if (!open) throw new Error(`${file}: journal is closed`);
      if (changes.length === 0) return;
      const line: Line<R> = changes.map((change) => [change.id, change.record]);
      const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
      for (let written = 0; written < bytes.length; ) {
        written += fs.writeSync(fd, bytes, written, bytes.length - written);
      }
      fs.fdatasyncSync(fd);
    },
    close() {
      if (!open) return;
      open = false;
      fs.closeSync(fd);
      release();
    },
  };
}
