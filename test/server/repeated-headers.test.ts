import fs from 'node:fs';
import http from 'node:http';
import type { LocalServer } from '../../emulator/server/server';
import { invoke, startServer, tempDataDir } from './http-client';

/**
 * Item 9 of issue 16: every value of a repeated header is read. The local edge delivers each repeated
 * header line as a value of its own, as Forge's `string[]` headers allow, and appends the caller's
 * address as the last x-forwarded-for value; the gateway checks that one against a token's allowlist,
 * never a line the caller wrote.
 */
let dataDir: string;
let server: LocalServer;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startServer(dataDir);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A GET with raw header lines, repeated names kept apart (fetch would merge them). */
function rawGet(path: string, lines: Array<[string, string]>): Promise<{ status: number; body: string }> {
  const url = new URL(`${server.url}${path}`);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'GET', headers: [['Host', url.host], ...lines].flat() }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

it("checks the address the edge appended, not the caller's own X-Forwarded-For lines", async () => {
  const created = await invoke(server, 'alice', 'createToken', {
    label: 'office only',
    spaceKeys: ['DOCS'],
    operations: ['read'],
    expiresInDays: 30,
    allowedIps: ['203.0.113.0/24'],
  });
  const token = created.json.token as string;
  const authorization: [string, string] = ['Authorization', `Bearer ${token}`];
  // The caller is 127.0.0.1 (the socket), whatever it writes, however many times.
  const spoofed = await rawGet('/x/gateway/self', [authorization, ['X-Forwarded-For', '203.0.113.7'], ['X-Forwarded-For', '203.0.113.8']]);
  expect(spoofed.status).toBe(403);
  expect(spoofed.body).toContain('IP_NOT_ALLOWED');
  // Two Authorization lines are one ambiguous credential: refused, never one of them picked.
  const twice = await rawGet('/x/gateway/self', [authorization, authorization, ['X-Forwarded-For', '203.0.113.7']]);
  expect(twice.status).toBe(401);
});
