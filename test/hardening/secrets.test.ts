import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmulatedApp } from '../../emulator/app';
import { SEED } from '../../emulator/confluence';
import { TOKEN_PATTERN, tokenHint, tokenParts } from '../../src/core/token-format';
import { bearer, callGateway, issueToken } from './support';
import { newPage } from '../../emulator/demo/new-page';

/**
 * No secret at rest: after a realistic run on a directory-backed app (issuing, using, refusing,
 * failing, revoking, listing, restarting), no token, secret or pepper appears in storage, in the
 * captured logs, or in any file of the data directory.
 */
const PEPPER = 'pepper-for-the-secrets-test-4f1c9a';
const { DOCS, ENG } = SEED.spaces;
const PAGE = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;

let dataDir: string;
const issued: string[] = [];
/** Every Authorization header sent, in case one were stored as it came. */
const sentHeaders: string[] = [];
const logs: string[] = [];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(file) : [file];
  });
}

/** Makes the next audit write fail, as a storage outage would, so the gateway logs it. */
function failNextAuditWrite(app: EmulatedApp): void {
  const handle = app.kvs.handle.bind(app.kvs);
  let failed = false;
  app.kvs.handle = (route, body) => {
    if (!failed && route === '/api/v1/entity/set' && (body as { entityName?: string }).entityName === 'audit-event') {
      failed = true;
      return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: 'storage outage' } };
    }
    return handle(route, body);
  };
}

async function use(app: EmulatedApp, authorization: string, call: { method?: string; path?: string; body?: string; userAgent?: string }) {
  sentHeaders.push(authorization);
  const headers: Record<string, string[]> = { authorization: [authorization], 'user-agent': [call.userAgent ?? 'curl/8.5.0'] };
  return callGateway(app, { method: call.method ?? 'GET', path: call.path ?? PAGE, headers, body: call.body });
}

async function realisticRun(app: EmulatedApp): Promise<void> {
  const alices = await issueToken(app, 'alice', { operations: ['read', 'create', 'update', 'delete'] });
  const alicesReader = await issueToken(app, 'alice', { spaceKeys: ['DOCS', 'ENG'] });
  const bobs = await issueToken(app, 'bob', { spaceKeys: ['DOCS', 'ENG'], operations: ['read', 'create', 'update'] });
  issued.push(alices.token, alicesReader.token, bobs.token);

  const created = await use(app, `Bearer ${alices.token}`, { method: 'POST', path: '/wiki/api/v2/pages', body: JSON.stringify(newPage(DOCS.id, 'Secrets run')) });
  expect(created.status).toBe(200);
  const id = (JSON.parse(created.body) as { id: string }).id;
  await use(app, `Basic ${Buffer.from(`bob@example.com:${bobs.token}`).toString('base64')}`, { path: `/wiki/api/v2/pages/${id}` });
  await use(app, `Bearer ${alicesReader.token}`, { path: `/wiki/api/v2/pages/${SEED.pages.engHome.id}` });
  await use(app, `Bearer ${alicesReader.token}`, { method: 'DELETE', path: `/wiki/api/v2/pages/${id}` }); // not granted
  await use(app, `Bearer ${bobs.token}`, { path: `/wiki/api/v2/spaces/${ENG.id}/pages` });
  // Scripts that put their token in the User-Agent by mistake (once, and pasted twice), and one that sent a tampered token.
  await use(app, `Bearer ${bobs.token}`, { path: '/self', userAgent: `deploy-bot/1.0 (token=${bobs.token})` });
  await use(app, `Bearer ${alices.token}`, { path: '/self', userAgent: `${alices.token}${alices.token}` });
  await use(app, `Bearer ${alices.token.slice(0, -2)}xx`, {});
  app.confluence.failNext({ status: 500 });
  await use(app, `Bearer ${alices.token}`, {});
  failNextAuditWrite(app);
  expect((await use(app, `Bearer ${alices.token}`, {})).status).toBe(503); // a read is withheld when its audit event cannot be written

  await app.invoke('alice', 'listTokens');
  await app.invoke('alice', 'listSpaceTokens', { spaceKey: 'DOCS' });
  await app.invoke('alice', 'listAudit', { spaceKey: 'DOCS' });
  await app.invoke('alice', 'revokeSpaceAccess', { spaceKey: 'DOCS', tokenId: tokenParts(bobs.token)!.id });
  await app.invoke('alice', 'revokeToken', { id: tokenParts(alicesReader.token)!.id });
  await app.invoke('siteadmin', 'listAllTokens', {});
  await app.invoke('siteadmin', 'adminRevokeToken', { id: tokenParts(alices.token)!.id });
  expect((await callGateway(app, { method: 'GET', path: PAGE, headers: bearer(alices.token) })).status).toBe(401);
}

beforeAll(async () => {
  process.env.TOKEN_PEPPER = PEPPER;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sst-secrets-'));
  const first = EmulatedApp.start({ dataDir });
  try {
    await realisticRun(first);
    logs.push(...first.platform.logs.map((entry) => entry.message));
  } finally {
    first.close();
  }
  // After a restart, a token issued before it still works: its hash was stored, its secret was not.
  const second = EmulatedApp.start({ dataDir });
  try {
    const later = await issueToken(second, 'carol', { spaceKeys: ['PRIV'] });
    issued.push(later.token);
    expect((await use(second, `Bearer ${later.token}`, { path: `/wiki/api/v2/pages/${SEED.pages.privHome.id}` })).status).toBe(200);
    logs.push(...second.platform.logs.map((entry) => entry.message));
  } finally {
    second.close();
  }
});

afterAll(() => {
  delete process.env.TOKEN_PEPPER;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Every place a secret could rest, as text. */
function places(): Array<[string, string]> {
  const app = EmulatedApp.start({ dataDir });
  try {
    return [
      ['the KVS dump', JSON.stringify(app.kvs.dump())],
      ['the captured logs', logs.join('\n')],
      ...filesUnder(dataDir).map((file): [string, string] => [path.relative(dataDir, file), fs.readFileSync(file).toString('latin1')]),
    ];
  } finally {
    app.close();
  }
}

it('ran for real: tokens stored, events audited, a failure logged, state on disk', () => {
  const [[, dump], [, logText], ...files] = places();
  for (const token of issued) expect(dump).toContain(tokenParts(token)!.id);
  // The token in that User-Agent was kept as its hint: recognisable, without its secret.
  expect(dump).toContain(`deploy-bot/1.0 (token=${tokenHint(issued[2])})`);
  expect(logText).toMatch(/Audit event not recorded/);
  expect(files.map(([name]) => name)).toEqual(expect.arrayContaining(['kvs.jsonl', 'confluence.json']));
});

it('finds no token-shaped text anywhere (the documented TOKEN_PATTERN)', () => {
  for (const [place, text] of places()) {
    expect({ place, tokens: text.match(new RegExp(TOKEN_PATTERN.source, 'g')) ?? [] }).toEqual({ place, tokens: [] });
  }
});

it('finds no issued secret, whole token, Authorization header or the pepper anywhere', () => {
  const needles = [...issued.flatMap((token) => [token, tokenParts(token)!.secret]), ...sentHeaders, PEPPER];
  for (const [place, text] of places()) {
    expect({ place, found: needles.filter((needle) => text.includes(needle)) }).toEqual({ place, found: [] });
  }
});
