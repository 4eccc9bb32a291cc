/**
 * `npm start` stops when asked: a signal to the npm process (what a process manager, an IDE's stop
 * button or `kill <npm pid>` sends) ends the server under it, which frees its port and releases the
 * data folder's lock, and so does npm's own death. Runs the real `npm start` (without the UI build).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { APP_ROOT } from '../../emulator/app';
import { DATA_DIR_LOCK } from '../../emulator/durable';
import { tempDataDir } from './http-client';

interface Started {
  npm: ChildProcess;
  port: number;
  /** The pid the banner names: the server's own. */
  serverPid: number;
  output: () => string;
  /** Settles once npm has exited and its output pipes are drained: only then is `output()` complete. */
  closed: Promise<void>;
}

const started: Started[] = [];
let dataDir: string;

beforeEach(() => {
  dataDir = tempDataDir();
});

afterEach(() => {
  for (const { npm, serverPid } of started.splice(0)) {
    for (const pid of [serverPid, npm.pid!]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function npmStart(): Promise<Started> {
  return new Promise((resolve, reject) => {
    const npm = spawn('npm', ['start', '--', '--no-build'], {
      cwd: APP_ROOT,
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const closed = new Promise<void>((resolveClosed) => npm.once('close', () => resolveClosed()));
    const collect = (chunk: string) => {
      output += chunk;
      const url = /running locally at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      const pid = /^Server process (\d+):/m.exec(output);
      if (url && pid) {
        const running = { npm, port: Number(url[1]), serverPid: Number(pid[1]), output: () => output, closed };
        started.push(running);
        resolve(running);
      }
    };
    npm.stdout!.setEncoding('utf8').on('data', collect);
    npm.stderr!.setEncoding('utf8').on('data', collect);
    npm.on('error', reject);
    npm.on('exit', (code) => reject(new Error(`npm start exited (${code}) before serving:\n${output}`)));
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until the port is closed, the lock file gone and the server process ended, for at most 5 s. */
async function stoppedWithin5s(running: Started): Promise<{ portOpen: boolean; locked: boolean; serverAlive: boolean }> {
  const lockFile = path.join(dataDir, DATA_DIR_LOCK);
  const deadline = Date.now() + 5_000;
  for (;;) {
    const state = { portOpen: await portOpen(running.port), locked: fs.existsSync(lockFile), serverAlive: alive(running.serverPid) };
    if ((!state.portOpen && !state.locked && !state.serverAlive) || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const STOPPED = { portOpen: false, locked: false, serverAlive: false };

it.each(['SIGTERM', 'SIGINT'] as const)('%s to the npm start process stops the server: port closed, lock released', async (signal) => {
  const running = await npmStart();
  expect(running.serverPid).not.toBe(running.npm.pid);
  expect(await portOpen(running.port)).toBe(true);
  expect(fs.existsSync(path.join(dataDir, DATA_DIR_LOCK))).toBe(true);
  process.kill(running.npm.pid!, signal);
  expect(await stoppedWithin5s(running)).toEqual(STOPPED);
  // The server's last lines may still be in the pipe when its process is gone.
  await running.closed;
  expect(running.output()).toContain(`Stopping (${signal})`);
}, 60_000);

it('stops the server when npm itself is killed (kill -9 forwards nothing)', async () => {
  const running = await npmStart();
  process.kill(running.npm.pid!, 'SIGKILL');
  expect(await stoppedWithin5s(running)).toEqual(STOPPED);
}, 60_000);

it('names a busy port and what to do, instead of a raw EADDRINUSE', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const npm = spawn('npm', ['start', '--', '--no-build'], { cwd: APP_ROOT, env: { ...process.env, PORT: String(port), DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    npm.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => npm.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toContain(`Port ${port} is in use by another program`);
    expect(output).toContain(`PORT=${port + 1} npm start`);
    expect(output).not.toContain('EADDRINUSE');
    // The refused start released the data folder again.
    expect(fs.existsSync(path.join(dataDir, DATA_DIR_LOCK))).toBe(false);
  } finally {
    blocker.close();
  }
}, 60_000);
