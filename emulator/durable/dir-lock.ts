import * as fs from 'node:fs';

/**
 * An exclusive, machine-wide lock held by a live process: a file created exclusively that names its
 * holder (pid and, on Linux, the holder's start time).
 *
 * Why a pid file and not a lock the kernel drops on death (flock, a listening unix socket): every
 * opener of the emulator's storage is synchronous (EmulatedApp.start, openJournal), Node has no
 * flock, and a socket lock is asynchronous to take and limited to ~100-byte paths. A pid file's weak
 * spots are handled instead:
 * - a holder killed with SIGKILL leaves its file behind: a holder that no longer exists is stale;
 * - a killed holder still "exists" for a moment (the kernel is tearing it down, or it is a zombie its
 *   parent has not reaped yet): a zombie counts as dead, and a live holder is waited for, briefly,
 *   before the lock is refused, so `kill -9` followed at once by a restart always comes up;
 * - a stale file whose pid now belongs to an unrelated process (pids are reused, e.g. after a
 *   reboot) is recognised by the start time it recorded.
 * Taking over a stale file happens under a guard (takeOverStale), so processes that find the same
 * stale file at once cannot both end up holding the lock.
 */

export interface LockOptions {
  /** What the lock protects, for the refusal: e.g. `The data folder /x`. */
  what?: string;
  /** How long a live holder is waited for before the lock is refused (default 3 s). */
  waitMs?: number;
}

interface Holder {
  pid: number;
  /** Linux only: the holder's start time in clock ticks since boot (field 22 of /proc/<pid>/stat). */
  started?: string;
}

/** Linux's view of a process: its state letter and start time, or undefined without /proc. */
function procStat(pid: number): { state: string; started: string } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // `pid (comm) state ...`: comm may hold spaces and parentheses, so split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', started: fields[19] ?? '' };
}

function isAlive(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(holder.pid);
  if (!stat) return true;
  if (stat.state === 'Z' || stat.state === 'X') return false; // killed, not yet reaped: its files are closed
  return holder.started === undefined || holder.started === stat.started;
}

function me(): Holder {
  const started = procStat(process.pid)?.started;
  return { pid: process.pid, ...(started && { started }) };
}

/** `{"pid":…,"started":…}`; a bare pid (older lock files) is read too. */
function readHolder(file: string): Holder | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'number') return { pid: parsed };
    const { pid, started } = parsed as Holder;
    if (Number.isInteger(pid) && pid > 0) return { pid, ...(typeof started === 'string' && { started }) };
  } catch {
    // Not a holder: see pid 0 in acquireLock.
  }
  return { pid: 0 };
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Creates `file` holding `holder`, or returns false if it exists. Written beside it and linked into
 * place (link fails if the name exists), so nobody ever reads a lock file its taker has not filled.
 */
function createHolding(file: string, holder: Holder): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(holder));
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Removes the stale lock file, unless another process replaced it in the meantime. Deleting is the
 * one step that can race (a check-then-delete could remove a lock someone has just taken), so
 * deleters take turns under a guard file, created exclusively too: holding it, a deleter re-reads the lock
 * and deletes it only if it still names the stale holder. Takers never need the guard: creating the
 * lock itself cannot succeed while the stale file is there, so nobody can slip in between.
 */
function takeOverStale(file: string, stale: Holder): void {
  const guard = `${file}.takeover`;
  if (!createHolding(guard, me())) {
    const deleter = readHolder(guard);
    // A deleter killed while holding the guard (it holds it for microseconds) leaves it behind.
    if (deleter && deleter.pid !== 0 && !isAlive(deleter)) fs.rmSync(guard, { force: true });
    else sleep(5);
    return;
  }
  try {
    const current = readHolder(file);
    if (current && current.pid === stale.pid && current.started === stale.started) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/**
 * Takes the lock on `lockFile` or throws, naming the live process that holds it. Returns `release`.
 * Within one process, a second acquisition of the same lock is refused at once.
 */
export function acquireLock(lockFile: string, options: LockOptions = {}): () => void {
  const what = options.what ?? lockFile;
  const deadline = Date.now() + (options.waitMs ?? 3000);
  const mine = me();
  for (;;) {
    if (createHolding(lockFile, mine)) {
      return () => {
        if (readHolder(lockFile)?.pid === mine.pid) fs.rmSync(lockFile, { force: true });
      };
    }
    const holder = readHolder(lockFile);
    if (!holder) continue;
    if (holder.pid === process.pid) throw new Error(`${what} is already in use by this process (${process.pid}).`);
    // pid 0: unreadable, e.g. an empty file an older version left when it crashed between create and write.
    const unwritten = holder.pid === 0;
    if (unwritten ? Date.now() >= deadline : !isAlive(holder)) {
      takeOverStale(lockFile, holder);
      continue;
    }
    if (!unwritten && Date.now() >= deadline) {
      throw new Error(`${what} is in use by process ${holder.pid} (lock file ${lockFile}). Stop that process first, or use another folder.`);
    }
    sleep(25);
  }
}
