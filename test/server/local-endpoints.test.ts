import fs from 'node:fs';
import type { LocalServer } from '../../emulator/server/server';
import { invoke, request, startServer, tempDataDir, wiki } from './http-client';

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

describe('/__local', () => {
  it('lists the seeded people one can act as', async () => {
    const users = await request(server, '/__local/users');
    expect(users.json.users).toEqual([
      { accountId: 'alice', displayName: 'Alice Adams' },
      { accountId: 'bob', displayName: 'Bob Brown' },
      { accountId: 'carol', displayName: 'Carol Chen' },
      { accountId: 'siteadmin', displayName: 'Site Admin' },
    ]);
  });

  it("answers a resolver's error with its HTTP status, and refuses unknown users and malformed calls", async () => {
    const notAdmin = await invoke(server, 'bob', 'listSpaceTokens', { spaceKey: 'DOCS' }, { moduleKey: 'api-token-usage', extension: { space: { key: 'DOCS', id: '10001' } } });
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.json.error.code).toBe('FORBIDDEN');
    expect(notAdmin.headers.get('x-local-invoke-outcome')).toBe('returned');
    const invalid = await invoke(server, 'alice', 'createToken', { label: '', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30 });
    expect([invalid.status, invalid.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const stranger = await invoke(server, 'mallory', 'listTokens');
    expect([stranger.status, stranger.json.error.code]).toEqual([401, 'UNKNOWN_USER']);
    const malformed = await request(server, '/__local/invoke', { method: 'POST', headers: { 'x-local-account-id': 'alice' }, body: '{"key": ' });
    expect([malformed.status, malformed.json.error.code]).toEqual([400, 'INVALID_REQUEST']);
    const noModule = await invoke(server, 'alice', 'listTokens', {}, { moduleKey: 'no-such-module' });
    expect(noModule.status).toBe(400);
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const noResolver = await invoke(server, 'alice', 'noSuchResolver');
    logged.mockRestore();
    expect([noResolver.status, noResolver.json.error.code, noResolver.headers.get('x-local-invoke-outcome')]).toEqual([500, 'RESOLVER_FAILED', null]);
  });

  it('runs a scheduled trigger now on POST, and answers its report', async () => {
    const run = await request(server, '/__local/scheduled/fold-audit-events', { method: 'POST' });
    expect(run.status).toBe(200);
    expect(run.json).toMatchObject({ key: 'fold-audit-events', ok: true, statusCode: 200, body: { caughtUp: true, superseded: false } });
    const listed = await invoke(server, 'alice', 'listSpaceTokens', { spaceKey: 'DOCS' }, { moduleKey: 'api-token-usage', extension: { space: { key: 'DOCS', id: '10001' } } });
    expect(listed.json.usageAsOf).toBe(new Date(run.json.body.asOf).toISOString());

    expect((await request(server, '/__local/scheduled/fold-audit-events')).status).toBe(405);
    const unknown = await request(server, '/__local/scheduled/nightly', { method: 'POST' });
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('closes a local account, which the next personal data report erases', async () => {
    const created = await invoke(server, 'carol', 'createToken', { label: 'carol', spaceKeys: ['PRIV'], operations: ['read'], expiresInDays: 30 });
    expect(created.status).toBe(200);
    const closed = await request(server, '/__local/accounts/carol/close', { method: 'POST' });
    expect(closed.json).toEqual({ accountId: 'carol', closed: true });
    const run = await request(server, '/__local/scheduled/report-personal-data', { method: 'POST' });
    expect(run.json).toMatchObject({ ok: true, body: { closed: 1, erased: 1 } });
    expect((await invoke(server, 'carol', 'listTokens')).json.tokens).toEqual([]);

    expect((await request(server, '/__local/accounts/bob/update', { method: 'POST' })).json).toEqual({ accountId: 'bob', updated: true });
    expect((await request(server, '/__local/accounts/nobody/close', { method: 'POST' })).status).toBe(404);
    expect((await request(server, '/__local/accounts/bob/close')).status).toBe(405);
  });
});

describe('/wiki', () => {
  it('is the Confluence stand-in acting as the named user', async () => {
    const asBob = await wiki(server, 'bob', '/wiki/api/v2/spaces?keys=ENG,PRIV');
    expect(asBob.status).toBe(200);
    expect(asBob.json.results.map((space: { key: string }) => space.key)).toEqual(['ENG']);
    const restricted = await wiki(server, 'bob', '/wiki/api/v2/pages/20005');
    expect(restricted.status).toBe(404);
    expect((await wiki(server, 'alice', '/wiki/api/v2/pages/20005')).status).toBe(200);
  });

  it('answers 501 naming a route the stand-in does not implement, and 400 to a parameter outside the spec', async () => {
    const blogposts = await wiki(server, 'bob', '/wiki/api/v2/blogposts');
    expect(blogposts.status).toBe(501);
    expect(blogposts.json.errors[0].title).toContain('GET /wiki/api/v2/blogposts');
    const odd = await wiki(server, 'bob', '/wiki/api/v2/pages/20001?colour=blue');
    expect(odd.status).toBe(400);
    expect(odd.json.errors[0].detail).toContain('colour');
    // The caller was told; the app itself has not departed from the spec.
    expect(server.violations.list().every((violation) => violation.source === 'direct')).toBe(true);
  });

  it('refuses a call that names nobody', async () => {
    const anonymous = await request(server, '/wiki/api/v2/spaces');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.errors[0].detail).toContain('X-Local-Account-Id');
  });
});

describe('/x/<web trigger>', () => {
  it('refuses a body over 5 MB with the platform\'s 413 before reading it all', async () => {
    const oversized = new ReadableStream<Uint8Array>({
      // Never ends: only a server that refuses before the end can answer.
      pull: (controller) => controller.enqueue(new Uint8Array(1024 * 1024)),
    });
    const refused = await request(server, '/x/gateway/wiki/api/v2/pages', { method: 'POST', body: oversized, duplex: 'half' } as RequestInit);
    expect(refused.status).toBe(413);
    expect(refused.text).toBe('Payload Too Large'); // Forge's edge answers; the app never runs
  });

  it('runs the trigger for an empty user path, and answers 404 for an unknown trigger', async () => {
    const root = await request(server, '/x/gateway', { headers: { authorization: 'Bearer nonsense' } });
    expect(root.status).toBe(401);
    expect(root.headers.get('www-authenticate')).toContain('Bearer');
    expect((await request(server, '/x/no-such-trigger/self')).status).toBe(404);
  });
});

describe('what a newcomer clicks on locally (issue 19)', () => {
  it('answers a view a user cannot open with the views they can, and a page whose script has nothing to fail on', async () => {
    const problem = await request(server, '/?module=api-token-usage&user=carol&space=DOCS');
    expect(problem.status).toBe(400);
    expect(problem.text).toContain('Carol Chen cannot see a space DOCS');
    expect(problem.text).toContain('<a href="/?module=api-token-usage&amp;user=carol&amp;space=PRIV">API token usage in PRIV as Carol Chen</a>');
    expect(problem.text).toContain('<a href="/?module=api-tokens&amp;user=carol">API tokens as Carol Chen</a>');
    expect(problem.text).not.toContain('user=alice');
    expect(problem.text).not.toContain('class="switcher"');
    const script = await request(server, '/__local/assets/host.js');
    expect(script.text).toContain("if (!form) return;");
  });
});
