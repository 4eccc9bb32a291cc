import { DOCS, Harness, SEED } from '../support/harness';
import { newPage } from '../../emulator/demo/new-page';

/**
 * Item 2 of issue 10: no page change without an audit record. For a create, update or delete the
 * record (outcome `unconfirmed`) is written before Confluence is asked; when it cannot be written the
 * change is refused with 503 and Retry-After, and Confluence is never asked. The result then replaces
 * the record under the same id. At most 2 KVS writes for a change, 1 for a read.
 *
 * Item 3 of issue 16: no unaudited read either. A read whose audit write fails is answered 503 with
 * Retry-After instead of what Confluence returned.
 */
let h: Harness;
let events: string[];
let failAuditWrites: boolean;
beforeEach(() => {
  h = new Harness();
  events = [];
  failAuditWrites = false;
  // Watch the order of what reaches storage and Confluence; fail audit writes on demand, as a storage outage would.
  const kvs = h.app.kvs.handle.bind(h.app.kvs);
  h.app.kvs.handle = (route, body) => {
    const { entityName, value } = (body ?? {}) as { entityName?: string; value?: { outcome?: string } };
    if (route === '/api/v1/entity/set' && entityName === 'audit-event') {
      if (failAuditWrites) return { status: 429, body: { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded' } };
      events.push(`audit ${value?.outcome}`);
    }
    return kvs(route, body);
  };
  const confluence = h.app.confluence.handle.bind(h.app.confluence);
  h.app.confluence.handle = (request) => {
    events.push(`confluence ${request.method.toUpperCase()}`);
    return confluence(request);
  };
});
afterEach(() => h.close());

const { releaseNotes } = SEED.pages;

async function changes(token: string): Promise<Array<{ name: string; call: () => ReturnType<Harness['gateway']> }>> {
  const current = (await h.gateway({ path: `/wiki/api/v2/pages/${releaseNotes.id}`, token })).json;
  return [
    { name: 'create', call: () => h.gateway({ method: 'POST', path: '/wiki/api/v2/pages', token, body: newPage(DOCS.id, 'Audited') }) },
    {
      name: 'update',
      call: () => h.gateway({ method: 'PUT', path: `/wiki/api/v2/pages/${releaseNotes.id}`, token, body: newPage(DOCS.id, current.title, { id: releaseNotes.id, version: { number: current.version.number + 1 } }) }),
    },
    { name: 'delete', call: () => h.gateway({ method: 'DELETE', path: `/wiki/api/v2/pages/${releaseNotes.id}`, token }) },
  ];
}

it('writes the record before Confluence is asked to change anything, then its result, two writes in all', async () => {
  const { token, info } = await h.issue('alice', ['DOCS'], ['read', 'create', 'update', 'delete']);
  for (const { name, call } of await changes(token)) {
    events.length = 0;
    h.app.kvs.resetCounters();
    const answer = await call();
    expect({ name, status: answer.status }).toEqual({ name, status: name === 'delete' ? 204 : 200 });
    const change = events.findIndex((event) => /^confluence (POST|PUT|DELETE)$/.test(event));
    expect({ name, before: events.slice(0, change), after: events.slice(change + 1) }).toEqual({
      name,
      before: expect.arrayContaining(['audit unconfirmed']),
      after: ['audit ok'],
    });
    expect({ name, writes: h.app.kvs.counters().writeRequests }).toEqual({ name, writes: 2 });
  }
  // Each request is one event, with its result.
  const { items } = await h.ok('alice', 'listAudit', { tokenId: info.id });
  expect(items.map((event) => [event.operation, event.outcome])).toEqual(
    expect.arrayContaining([['create', 'ok'], ['update', 'ok'], ['delete', 'ok'], ['read', 'ok']]),
  );
  expect(items).toHaveLength(4);
});

it('refuses the change with 503 and Retry-After, leaving Confluence untouched, when the record cannot be written', async () => {
  const { token } = await h.issue('alice', ['DOCS'], ['read', 'create', 'update', 'delete']);
  const all = await changes(token);
  const before = h.app.confluence.snapshot();
  failAuditWrites = true;
  for (const { name, call } of all) {
    events.length = 0;
    const answer = await call();
    expect({ name, status: answer.status, code: answer.json.errors[0].code }).toEqual({ name, status: 503, code: 'UPSTREAM_UNAVAILABLE' });
    expect(answer.headers['Retry-After']).toEqual([expect.stringMatching(/^[1-9]\d*$/)]);
    expect({ name, events: events.filter((event) => !event.endsWith('GET')) }).toEqual({ name, events: [] });
  }
  expect(h.app.confluence.snapshot()).toEqual(before);
});

it('withholds a read whose audit write fails (503, Retry-After), at one write otherwise', async () => {
  const { token } = await h.issue('alice', ['DOCS'], ['read']);
  h.app.kvs.resetCounters();
  expect((await h.gateway({ path: `/wiki/api/v2/pages/${releaseNotes.id}`, token })).status).toBe(200);
  expect(h.app.kvs.counters().writeRequests).toBe(1);
  failAuditWrites = true;
  for (const path of [`/wiki/api/v2/pages/${releaseNotes.id}`, '/wiki/api/v2/pages', `/wiki/rest/api/content/${releaseNotes.id}`, '/self']) {
    const answer = await h.gateway({ path, token });
    expect({ path, status: answer.status }).toEqual({ path, status: 503 });
    expect(answer.text).toContain('UPSTREAM_UNAVAILABLE');
    expect(answer.headers['Retry-After']).toEqual(['30']); // storage's budget resets within the minute
    expect(answer.text).not.toContain(releaseNotes.title);
  }
  // The app's own refusals carry nothing read: they stand.
  expect((await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.architecture.id}`, token })).status).toBe(404);
});
