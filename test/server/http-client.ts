import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request, type Answer } from '../../emulator/server/local-client';
import { startLocalServer, type LocalServer } from '../../emulator/server/server';

export { gateway, invoke, request, type Answer } from '../../emulator/server/local-client';

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'local-server-'));
}

/** The local server on a free port, as `npm start` runs it. */
export function startServer(dataDir: string, options: { reset?: boolean } = {}): Promise<LocalServer> {
  return startLocalServer({ port: 0, dataDir, reset: options.reset });
}

/** `/wiki/...` on the Confluence stand-in itself, as `accountId`. */
export function wiki(server: LocalServer, accountId: string, path: string, init: RequestInit = {}): Promise<Answer> {
  return request(server, path, { ...init, headers: { 'x-local-account-id': accountId, ...(init.headers as Record<string, string>) } });
}
