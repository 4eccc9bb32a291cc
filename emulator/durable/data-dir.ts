import * as fs from 'node:fs';
import * as path from 'node:path';
import { acquireLock } from './dir-lock';

/** The lock file inside a data folder; whoever holds it may read, write or reset the folder. */
export const DATA_DIR_LOCK = 'server.lock';

export interface DataDirLock {
  readonly dir: string;
  /** Deletes everything in the folder but the lock: starting again from the seed. */
  reset(): void;
  release(): void;
}

/**
 * Creates `dir` if needed and takes its lock, or throws naming the live process that holds it. Taken
 * before anything in the folder is read or deleted, so `--reset` can never wipe a running server.
 */
export function lockDataDir(dir: string): DataDirLock {
  const resolved = path.resolve(dir);
  fs.mkdirSync(resolved, { recursive: true });
  const release = acquireLock(path.join(resolved, DATA_DIR_LOCK), { what: `The data folder ${resolved}` });
  return {
    dir: resolved,
    reset() {
      for (const entry of fs.readdirSync(resolved)) {
        if (entry !== DATA_DIR_LOCK) fs.rmSync(path.join(resolved, entry), { recursive: true, force: true });
      }
    },
    release,
  };
}
