import * as fs from 'node:fs';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive, process-wide lock on `lockFile` so two emulators never append to one journal.
 * A lock left behind by a process that died (e.g. `kill -9`) is taken over.
 */
export function acquireLock(lockFile: string): () => void {
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new Error(`${lockFile} is held by process ${holder}${holder === process.pid ? ' (this process)' : ''}`);
    }
    fs.rmSync(lockFile, { force: true });
  }
}
