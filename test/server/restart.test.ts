/**
 * The local server as separate processes on one data folder: a restart right after `kill -9` comes up
 * with every acknowledged write; a second live server, or a `--reset` while one runs, is refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDataDir } from './http-client';

const SERVER = path.join(__dirname, '../fixtures/local-server-process.ts');

interface Running {
  child: ChildProcess;
  url: string;
  /** The server's own pid (under a zombie-keeping parent, not the child's). */
  pid: number;
}

const children: ChildProcess[] = [];
/** Server pids, which under a zombie-keeping parent are not the children's. */
const servers: number[] = [];
let dataDir: string;

beforeEach(() => {
  dataDir = tempDataDir();
});

afterEach(() => {
  for (const pid of servers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * Starts a server process; resolves with its URL once it answers, or with its refusal. With
 * `zombieParent`, the server runs under a parent that never reaps it (`sh -c 'server & exec sleep'`),
 * as under a container init that does not reap: once killed it stays a zombie, a process that still
 * "exists" for `kill(pid, 0)` but holds nothing.
 */
function launch(options: { zombieParent?: boolean } = {}, ...args: string[]): Promise<Running | { refused: string }> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, '--import', 'tsx', SERVER, dataDir, ...args];
    const child = options.zombieParent
      ? spawn('sh', ['-c', `${command.map(quote).join(' ')} & exec sleep 600`], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    let errors = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const ready = /^ready (\S+) pid (\d+)$/m.exec(output);
      if (ready) {
        servers.push(Number(ready[2]));
        resolve({ child, url: ready[1]!, pid: Number(ready[2]) });
      }
      const refused = /^refused (.*)$/m.exec(output);
      if (refused) resolve({ refused: refused[1]! });
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', () => resolve({ refused: `exited without a word: ${errors}` }));
  });
}

async function started(options: { zombieParent?: boolean } = {}, ...args: string[]): Promise<Running> {
  const running = await launch(options, ...args);
  if ('refused' in running) throw new Error(`the server did not start: ${running.refused}`);
  return running;
}

async function invoke(server: Running, key: string, payload: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${server.url}/__local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-account-id': 'alice' },
    body: JSON.stringify({ moduleKey: 'api-tokens', key, payload }),
  });
  return { status: response.status, json: await response.json() };
}

const createToken = (server: Running, label: string) =>
  invoke(server, 'createToken', { label, spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30 });

async function createPage(server: Running, title: string): Promise<string> {
  const response = await fetch(`${server.url}/wiki/api/v2/pages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-account-id': 'alice' },
    body: JSON.stringify({ spaceId: '10001', status: 'current', title, body: { representation: 'storage', value: '<p>x</p>' } }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

async function labels(server: Running): Promise<string[]> {
  const listed = await invoke(server, 'listTokens', {});
  expect(listed.status).toBe(200);
  return (listed.json.tokens as { label: string }[]).map((token) => token.label).sort();
}

it('comes up at once after kill -9, with every acknowledged write, again and again, even while the killed one is a zombie', async () => {
  let server = await started({ zombieParent: true });
  const labelsWritten: string[] = [];
  const pages: string[] = [];
  for (let round = 0; round < 3; round += 1) {
    for (let n = 0; n < 3; n += 1) {
      const label = `round ${round} token ${n}`;
      expect((await createToken(server, label)).status).toBe(200);
      labelsWritten.push(label);
    }
    pages.push(await createPage(server, `Round ${round}`));
    // No waiting for the old process to be gone: the restart races its death, and it is never reaped.
    process.kill(server.pid, 'SIGKILL');
    server = await started({ zombieParent: true });
    expect(await labels(server)).toEqual([...labelsWritten].sort());
    for (const id of pages) {
      const page = await fetch(`${server.url}/wiki/api/v2/pages/${id}`, { headers: { 'x-local-account-id': 'alice' } });
      expect(page.status).toBe(200);
    }
  }
}, 60_000);

it('refuses a second live server on the same folder, naming the first and the folder', async () => {
  const first = await started();
  const second = await launch();
  expect((second as { refused: string }).refused).toContain(`The data folder ${path.resolve(dataDir)} is in use by process ${first.pid}`);
  expect((await createToken(first, 'still served')).status).toBe(200);
}, 30_000);

it('refuses --reset while a server runs on the folder, and deletes nothing', async () => {
  const first = await started();
  expect((await createToken(first, 'kept')).status).toBe(200);
  const before = fs.readdirSync(dataDir).sort();
  const reset = await launch({}, '--reset');
  expect((reset as { refused: string }).refused).toMatch(/is in use by process/);
  expect(fs.readdirSync(dataDir).sort()).toEqual(before);
  expect(await labels(first)).toEqual(['kept']);
  // Once the first server is gone, --reset starts from the seed.
  first.child.kill('SIGKILL');
  const fresh = await started({}, '--reset');
  expect(await labels(fresh)).toEqual([]);
}, 30_000);
