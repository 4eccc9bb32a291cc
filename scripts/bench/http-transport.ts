import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Answer, Call, Transport } from './transport';

const ACCOUNT_HEADER = 'X-Local-Account-Id';
const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

async function answerOf(response: Response): Promise<Answer> {
  return { status: response.status, body: await response.text() };
}

/** Starts the local server (scripts/bench/serve.ts) in a child process; answers once it listens. */
async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'serve.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The local server exited with ${code} before listening`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  lines.on('line', () => undefined); // keep draining
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Real HTTP against the local server: the web trigger at /x/gateway, the stand-in at /wiki as the user. */
export async function httpTransport(): Promise<Transport> {
  const server = await startServer();
  return {
    kind: 'HTTP to the local server',
    async issueToken(accountId) {
      const response = await fetch(`${server.url}/__local/invoke`, {
        method: 'POST',
        headers: { ...JSON_HEADERS, [ACCOUNT_HEADER]: accountId },
        body: JSON.stringify({
          moduleKey: 'api-tokens',
          key: 'createToken',
          payload: { label: 'bench', spaceKeys: ['DOCS'], operations: ['read', 'create', 'update', 'delete'], expiresInDays: 30 },
        }),
      });
      const answer = (await response.json()) as { token?: string };
      if (!answer.token) throw new Error(`createToken over HTTP failed: ${response.status} ${JSON.stringify(answer)}`);
      return answer.token;
    },
    async invoke(accountId, key, payload = {}) {
      const response = await fetch(`${server.url}/__local/invoke`, {
        method: 'POST',
        headers: { ...JSON_HEADERS, [ACCOUNT_HEADER]: accountId },
        body: JSON.stringify({ moduleKey: 'api-tokens', key, payload }),
      });
      return response.json();
    },
    viaGateway: async (token, { method, path: target, body }: Call) =>
      answerOf(await fetch(`${server.url}/x/gateway${target}`, { method, headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}` }, body })),
    direct: async (accountId, { method, path: target, body }: Call) =>
      answerOf(await fetch(`${server.url}${target}`, { method, headers: { ...JSON_HEADERS, [ACCOUNT_HEADER]: accountId }, body })),
    close: server.stop,
  };
}
