import fs from 'node:fs';
import type { LocalServer } from '../../emulator/server/server';
import { gateway, invoke, request, startServer, tempDataDir, wiki } from './http-client';
import { newPage } from '../../emulator/demo/new-page';

const FULL_ACCESS = { spaceKeys: ['DOCS'], operations: ['read', 'create', 'update', 'delete'], expiresInDays: 30 };

let dataDir: string;
let server: LocalServer;

beforeEach(async () => {
  dataDir = tempDataDir();
  server = await startServer(dataDir);
});

afterEach(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function restart(): Promise<void> {
  await server.close();
  server = await startServer(dataDir);
}

async function createToken(label: string): Promise<{ token: string; id: string }> {
  const created = await invoke(server, 'alice', 'createToken', { label, ...FULL_ACCESS });
  expect(created.status).toBe(200);
  return { token: created.json.token, id: created.json.info.id };
}

async function expectNoSpecViolation(): Promise<void> {
  expect((await request(server, '/__local/violations')).json).toEqual({ violations: [] });
}

it('lets alice issue a token and a script work in DOCS only, until the token is revoked, across restarts', async () => {
  const { token, id } = await createToken('release notes');
  expect(token).toMatch(/^sst_/);

  const spaces = await gateway(server, token, 'GET', '/wiki/api/v2/spaces?keys=DOCS');
  expect(spaces.status).toBe(200);
  const docsId = spaces.json.results[0].id as string;
  expect(spaces.json.results.map((space: { key: string }) => space.key)).toEqual(['DOCS']);

  const created = await gateway(server, token, 'POST', '/wiki/api/v2/pages', newPage(docsId, 'Release 1.2'));
  expect(created.status).toBe(200);
  const pageId = created.json.id as string;
  const read = await gateway(server, token, 'GET', `/wiki/api/v2/pages/${pageId}?body-format=storage`);
  expect(read.status).toBe(200);
  expect(read.json.body.storage.value).toBe('<p>Release 1.2</p>');

  const update = { id: pageId, status: 'current', title: 'Release 1.2 (final)', body: { representation: 'storage', value: '<p>Final</p>' }, version: { number: 2 } };
  const updated = await gateway(server, token, 'PUT', `/wiki/api/v2/pages/${pageId}`, update);
  expect(updated.status).toBe(200);
  expect(updated.json.version.number).toBe(2);
  const stale = await gateway(server, token, 'PUT', `/wiki/api/v2/pages/${pageId}`, update);
  expect(stale.status).toBe(409);

  const kept = await gateway(server, token, 'POST', '/wiki/api/v2/pages', newPage(docsId, 'Kept page'));
  expect(kept.status).toBe(200);
  const deleted = await gateway(server, token, 'DELETE', `/wiki/api/v2/pages/${pageId}`);
  expect(deleted.status).toBe(204);
  expect(deleted.text).toBe('');
  expect((await gateway(server, token, 'GET', `/wiki/api/v2/pages/${pageId}`)).status).toBe(404);

  // Alice can work in ENG herself, the token cannot; PRIV is out of reach either way. Both look like nothing.
  for (const spaceId of ['10002', '10003']) {
    expect((await gateway(server, token, 'GET', `/wiki/api/v2/spaces/${spaceId}/pages`)).status).toBe(404);
    const refused = await gateway(server, token, 'POST', '/wiki/api/v2/pages', newPage(spaceId, 'Out of scope'));
    expect(refused.status).toBe(404);
    expect(refused.json.errors[0].code).toBe('NOT_FOUND');
  }
  expect((await gateway(server, token, 'GET', '/wiki/api/v2/pages/20011')).json.errors[0].code).toBe('NOT_FOUND');

  const revoked = await invoke(server, 'alice', 'revokeToken', { id });
  expect(revoked.status).toBe(200);
  expect(revoked.json.token.status).toBe('revoked');
  const afterRevoke = await gateway(server, token, 'GET', '/self');
  expect(afterRevoke.status).toBe(401);
  expect(afterRevoke.json.errors[0].code).toBe('INVALID_TOKEN');
  await expectNoSpecViolation();

  await restart();
  const tokens = await invoke(server, 'alice', 'listTokens');
  expect(tokens.json.tokens.map((listed: { id: string; status: string }) => [listed.id, listed.status])).toEqual([[id, 'revoked']]);
  expect((await gateway(server, token, 'GET', '/self')).status).toBe(401);
  const keptPage = await wiki(server, 'alice', `/wiki/api/v2/pages/${kept.json.id}`);
  expect(keptPage.status).toBe(200);
  expect(keptPage.json.title).toBe('Kept page');
  const trashed = await wiki(server, 'alice', `/wiki/api/v2/pages/${pageId}?status=trashed`);
  expect([trashed.json.status, trashed.json.title, trashed.json.version.number]).toEqual(['trashed', 'Release 1.2 (final)', 2]);
  await expectNoSpecViolation();
});

it('keeps an active token working after a restart, and starts from the seed with reset', async () => {
  const { token } = await createToken('nightly export');
  await restart();
  expect((await gateway(server, token, 'GET', '/self')).status).toBe(200);

  await server.close();
  server = await startServer(dataDir, { reset: true });
  expect((await invoke(server, 'alice', 'listTokens')).json).toEqual({ tokens: [], uncounted: { count: 0, more: false, byToken: {} }, usageAsOf: null });
  expect((await gateway(server, token, 'GET', '/self')).status).toBe(401);
});

it('answers concurrent requests without losing any write', async () => {
  const { token, id } = await createToken('parallel');
  const titles = Array.from({ length: 12 }, (_, index) => `Parallel ${index}`);
  const answers = await Promise.all([
    ...titles.map((title) => gateway(server, token, 'POST', '/wiki/api/v2/pages', newPage('10001', title))),
    ...['bob', 'carol', 'siteadmin'].map((user) => invoke(server, user, 'createToken', { label: `${user}'s`, spaceKeys: [], operations: ['read'], expiresInDays: 1 })),
  ]);
  const created = answers.slice(0, titles.length);
  expect(created.map((answer) => answer.status)).toEqual(titles.map(() => 200));
  expect(new Set(created.map((answer) => answer.json.id)).size).toBe(titles.length);

  await restart();
  for (const answer of created) expect((await wiki(server, 'alice', `/wiki/api/v2/pages/${answer.json.id}`)).status).toBe(200);
  const audit = await invoke(server, 'alice', 'listAudit', { tokenId: id, limit: 50 }, { moduleKey: 'api-tokens' });
  expect(audit.status).toBe(200);
  expect(audit.json.items).toHaveLength(titles.length);
  expect(audit.json.items[0].clientIp).toBe('127.0.0.1');
});
