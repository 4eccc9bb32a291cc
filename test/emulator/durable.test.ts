import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { acquireLock, lockDataDir, openJournal, readJson, writeJsonAtomic } from '../../emulator/durable';
import { createKvsEngine, openDirectoryBackend } from '../../emulator/kvs';

const WRITER = path.join(__dirname, '../fixtures/kvs-crash-writer.ts');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the writer child until it has acknowledged `minimumAcks` keys, then kills it with SIGKILL. */
function writeThenKill(minimumAcks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!killed && output.split('\n').length > minimumAcks) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer stopped on its own: ${errors}`));
      // Only complete lines are acknowledgements the writer finished printing.
      const lines = output.split('\n').slice(0, -1);
      resolve(lines.map((line) => line.replace(/^ack /, '')));
    });
  });
}

describe('directory backend under kill -9', () => {
  it('keeps every acknowledged write, including whole transactions', async () => {
    const acked = await writeThenKill(400);
    expect(acked.length).toBeGreaterThanOrEqual(400);

    const engine = createKvsEngine({ backend: openDirectoryBackend(dir) });
    try {
      const stored = new Set(engine.dump().map((item) => item.key));
      expect(acked.filter((key) => !stored.has(key))).toEqual([]);
      const transactions = new Map<string, number>();
      for (const key of stored) {
        const match = /^txn-(\d+)-\d$/.exec(key);
        if (match) transactions.set(match[1]!, (transactions.get(match[1]!) ?? 0) + 1);
      }
      expect([...transactions.values()].filter((count) => count !== 4)).toEqual([]);
    } finally {
      engine.close();
    }
  }, 30_000);

  it('can be killed and reopened again and again', async () => {
    const first = await writeThenKill(50);
    const second = await writeThenKill(first.length + 50);
    const engine = createKvsEngine({ backend: openDirectoryBackend(dir) });
    try {
      const stored = new Set(engine.dump().map((item) => item.key));
      expect([...first, ...second].filter((key) => !stored.has(key))).toEqual([]);
    } finally {
      engine.close();
    }
  }, 30_000);
});

describe('journal', () => {
  const file = () => path.join(dir, 'journal.jsonl');

  it('ignores a torn last line and keeps everything before it', () => {
    const journal = openJournal<number>(file());
    journal.commit([{ id: 'a', record: 1 }]);
    journal.commit([{ id: 'b', record: 2 }, { id: 'a', record: null }]);
    journal.close();
    fs.appendFileSync(file(), '[["c",3],["d"');

    const reopened = openJournal<number>(file());
    expect([...reopened.initial]).toEqual([['b', 2]]);
    reopened.commit([{ id: 'e', record: 5 }]);
    reopened.close();
    expect([...openJournalAndClose(file())]).toEqual([['b', 2], ['e', 5]]);
  });

  it('refuses a journal corrupted before its last line', () => {
    fs.writeFileSync(file(), '[["a",1]]\nnot json\n[["b",2]]\n');
    expect(() => openJournal(file())).toThrow(/corrupt journal line 2/);
  });

  it('compacts on open to the live records only', () => {
    const journal = openJournal<string>(file());
    for (let i = 0; i < 50; i++) journal.commit([{ id: 'same', record: `version ${i}` }]);
    journal.close();
    const before = fs.statSync(file()).size;
    openJournalAndClose(file());
    expect(fs.readFileSync(file(), 'utf8')).toBe('[["same","version 49"]]\n');
    expect(fs.statSync(file()).size).toBeLessThan(before);
  });

  it('lets only one opener append at a time', () => {
    const journal = openJournal(file());
    expect(() => openJournal(file())).toThrow(`${file()} is already in use by this process (${process.pid})`);
    journal.close();
    openJournalAndClose(file());
  });
});

describe('the lock of a data folder', () => {
  const lockFile = () => path.join(dir, 'test.lock');
  const sleeper = (seconds: number) => spawn('sleep', [String(seconds)], { stdio: 'ignore' });

  it('is refused while a live process holds it, naming that process, after waiting for it briefly', () => {
    const holder = sleeper(30);
    try {
      fs.writeFileSync(lockFile(), JSON.stringify({ pid: holder.pid }));
      const started = Date.now();
      expect(() => acquireLock(lockFile(), { what: 'The folder X', waitMs: 300 })).toThrow(`The folder X is in use by process ${holder.pid}`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('waits for a holder that is dying, and takes over once it is dead even if nobody reaps it', () => {
    // The child exits after 0.3 s, while this process is blocked in acquireLock and cannot reap it:
    // from then on it is a zombie, which still answers kill(pid, 0).
    const holder = sleeper(0.3);
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: holder.pid }));
    const release = acquireLock(lockFile(), { waitMs: 5000 });
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('takes over a lock left by a dead process, and one whose pid now names another process', () => {
    const gone = spawnSync('true').pid;
    fs.writeFileSync(lockFile(), String(gone));
    acquireLock(lockFile(), { waitMs: 0 })();
    if (!fs.existsSync('/proc/self/stat')) return; // start times are read from /proc (Linux)
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: process.ppid, started: '1' }));
    acquireLock(lockFile(), { waitMs: 0 })();
  });

  it('takes over a lock file left empty by a holder that died while taking it', () => {
    fs.writeFileSync(lockFile(), '');
    acquireLock(lockFile(), { waitMs: 100 })();
  });

  it('resets the folder only once it holds the lock, keeping the lock itself', () => {
    fs.writeFileSync(path.join(dir, 'kvs.jsonl'), '[]\n');
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(`The data folder ${dir} is already in use by this process`);
    lock.reset();
    expect(fs.readdirSync(dir)).toEqual(['server.lock']);
    lock.release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

function openJournalAndClose(file: string): ReadonlyMap<string, unknown> {
  const journal = openJournal(file);
  journal.close();
  return journal.initial;
}

describe('writeJsonAtomic and readJson', () => {
  it('round-trips a value, replaces it whole, and answers undefined for a missing file', () => {
    const file = path.join(dir, 'nested', 'state.json');
    expect(readJson(file)).toBeUndefined();
    writeJsonAtomic(file, { pages: [1, 2] });
    writeJsonAtomic(file, { pages: [3] });
    expect(readJson(file)).toEqual({ pages: [3] });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['state.json']);
  });
});
