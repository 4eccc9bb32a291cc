import { clientAddress, truncateUserAgent } from '../../src/core/audit';
import { safeText } from '../../src/core/safe-text';
import { matchRoute } from '../../src/use-cases/gateway/router';
import { Harness, SEED } from '../support/harness';

/**
 * Items 8 and 12 of issue 10: bounded, linear request handling, and audit text that is safe to show.
 */
let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const PAGE = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;

describe('oversized requests answer 414 before authentication, at no storage cost', () => {
  it.each([
    ['a path over 1,024 characters', { path: `/self/${'a'.repeat(1_019)}` }],
    ['a query string over 8 KB', { path: PAGE, query: { 'body-format': 'x'.repeat(8 * 1024) } }],
  ])('%s', async (_name, call) => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    h.app.kvs.resetCounters();
    for (const credentials of [{ token }, {}]) {
      const answer = await h.gateway({ ...call, ...credentials });
      expect(answer.status).toBe(414);
      expect(answer.json.errors[0]).toMatchObject({ status: 414, code: 'URI_TOO_LONG' });
    }
    expect(h.app.kvs.counters()).toMatchObject({ readRequests: 0, writeRequests: 0 });
  });

  it('lets a path of exactly 1,024 characters and a query of 8 KB through to the router', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    expect((await h.gateway({ path: `/self/${'a'.repeat(1_018)}`, token })).json.errors[0].code).toBe('NOT_FOUND');
    const query = { padding: 'x'.repeat(8 * 1024 - 'padding='.length) }; // not the route's: dropped, never forwarded
    expect((await h.gateway({ path: PAGE, token, query })).status).toBe(200);
  });
});

it('strips trailing slashes in linear time (a run of slashes before other text once cost quadratic time)', () => {
  const started = process.hrtime.bigint();
  expect(() => matchRoute('GET', `/${'/'.repeat(100_000)}x`)).toThrow('no such route');
  // The refusal points at both API families the gateway answers, not only v2.
  expect(() => matchRoute('GET', '/wiki/rest/api/nope')).toThrow(/\/wiki\/api\/v2 and REST v1 routes under \/wiki\/rest\/api/);
  expect(matchRoute('GET', `/self${'/'.repeat(100_000)}`).path).toBe('/self');
  // A regex /\/+$/ takes about 15 s on the first path; the scan takes well under a millisecond.
  expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1_000);
});

describe('audit text is stored safe to show', () => {
  it('strips control and bidi characters and caps lengths', () => {
    expect(safeText('curl/8.5\u0000\r\n\u001b[31mred\u009b\u202eevil\u2066', 100)).toBe('curl/8.5[31mredevil');
    expect(safeText('in\u200bvisible\u2060 \ufeffbot', 100)).toBe('invisible bot');
    expect(safeText('😀'.repeat(10), 3)).toBe('😀'); // never half a character
    expect(safeText('\u0000\u0001', 10)).toBeNull();
    expect(truncateUserAgent(`${'u'.repeat(1_000_000)}`)).toHaveLength(256);
    expect(clientAddress(`${'10.0.0.1, '.repeat(100_000)}198.51.100.4\r\n`)).toBe('198.51.100.4');
    expect(clientAddress(`10.0.0.1, ${'9'.repeat(10_000)}`)).toHaveLength(64);
  });

  it('stores what a request sent that way, and the space admin reads it back as text', async () => {
    const { token } = await h.issue('bob', ['DOCS'], ['read']);
    const headers = {
      'user-agent': `evil\u001b]8;;https://x.invalid\u0007<b>bot</b>\u202e${'z'.repeat(5_000)}`,
      'x-forwarded-for': '10.0.0.1, 198.51.100.4\u0000<script>',
    };
    await h.gateway({ path: PAGE, token, headers });
    const [event] = (await h.ok('alice', 'listAudit', { spaceKey: 'DOCS' })).items;
    expect(event.userAgent).toMatch(/^evil\]8;;https:\/\/x\.invalid<b>bot<\/b>z+$/);
    expect(event.userAgent).toHaveLength(256);
    expect(event.clientIp).toBe('198.51.100.4<script>');
    const stored = JSON.stringify(h.app.kvs.dump().filter((item) => item.entityName === 'audit-event'));
    expect(stored).not.toMatch(/\\u00(0|1)[0-9a-f]|\\u202e/i);
  });
});
