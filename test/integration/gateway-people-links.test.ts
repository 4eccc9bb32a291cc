/**
 * People links (`webui`, `tinyui`, `download`, …) come back relative to `_links.base`, as Confluence
 * sends them; `_links.base` is the gateway, so a browser opening `base + webui` lands on the gateway,
 * which sends it on to the same path on the site: without a token, and never anywhere else.
 */
import { advanceSeconds, DOCS, Harness, SEED } from '../support/harness';

let h: Harness;
beforeEach(() => (h = new Harness()));
afterEach(() => h.close());

const SITE = 'http://127.0.0.1:8787';
const GATEWAY = `${SITE}/x/gateway`;

describe('people links', () => {
  it('come back relative to the gateway’s _links.base, and base + webui opens the page on the site', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    const page = await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`, token });
    expect(page.json._links.base).toBe(`${GATEWAY}/wiki`);
    expect(page.json._links.webui).toMatch(/^\/spaces\/DOCS\/pages\/20002\//);
    expect(page.json._links.tinyui).toMatch(/^\/x\//);
    const v1 = await h.gateway({ path: `/wiki/rest/api/content/${SEED.pages.gettingStarted.id}`, token });
    expect(v1.json._links.webui).toBe(page.json._links.webui);
    const attachments = await h.gateway({ path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}/attachments`, token });
    expect(attachments.json.results[0].downloadLink).toMatch(/^\/download\/attachments\/20002\//);

    for (const link of [page.json._links.webui, page.json._links.tinyui, attachments.json.results[0].downloadLink] as string[]) {
      const [path, query = ''] = `/wiki${link}`.split('?');
      const opened = await h.gateway({ path, query: Object.fromEntries(new URLSearchParams(query)) });
      expect([link, opened.status, opened.headers.Location]).toEqual([link, 302, [`${SITE}/wiki${link}`]]);
      expect(opened.headers['Cache-Control']).toEqual(['no-store']);
    }
  });

  it('cost no storage, no audit event, and one Confluence call (as the app) per function instance for the site’s address', async () => {
    h.app.kvs.resetCounters();
    const calls = h.app.platform.productCalls.length;
    for (const path of ['/wiki/spaces/DOCS', '/wiki/display/DOCS/Home', '/wiki/pages/viewpage.action']) {
      expect((await h.gateway({ path, query: { pageId: '20001' } })).status).toBe(302);
    }
    const { readRequests, writeRequests } = h.app.kvs.counters();
    expect({ readRequests, writeRequests }).toEqual({ readRequests: 0, writeRequests: 0 });
    expect(h.app.platform.productCalls.slice(calls).map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /wiki/api/v2/spaces?limit=1']);
  });

  it('when Confluence cannot tell the site’s address, answer 503 and ask it again only after 30 seconds, however many come', async () => {
    h.app.confluence.failNext({ status: 503, times: 1 });
    const calls = h.app.platform.productCalls.length;
    for (let i = 0; i < 5; i += 1) {
      const answer = await h.gateway({ path: '/wiki/spaces/DOCS' });
      expect([answer.status, answer.headers['Retry-After']]).toEqual([503, ['5']]);
    }
    expect(h.app.platform.productCalls.length - calls).toBe(1);
    advanceSeconds(31);
    expect((await h.gateway({ path: '/wiki/spaces/DOCS' })).status).toBe(302);
    expect(h.app.platform.productCalls.length - calls).toBe(2);
  });

  it('never redirect off the site: hostile paths are not people links and find no route', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read']);
    for (const path of ['//evil.com', '/wiki/x/..//evil.com', '/wiki/x/%2e%2e//evil.com', '/wiki/x/\\\\evil.com', '/wiki/x/\r\nLocation: https://evil.com', '/wiki//evil.com', '/wiki/spaces/../../evil.com']) {
      const anonymous = await h.gateway({ path });
      expect([path, anonymous.status, anonymous.headers.Location]).toEqual([path, 401, undefined]);
      const signed = await h.gateway({ path, token });
      expect([path, signed.status, signed.headers.Location]).toEqual([path, 404, undefined]);
    }
  });

  it('answer only GET (and HEAD): a write to a people path is refused like any unknown route', async () => {
    const { token } = await h.issue('alice', ['DOCS'], ['read', 'create']);
    const posted = await h.gateway({ method: 'POST', path: `/wiki/spaces/${DOCS.key}`, token, body: {} });
    expect(posted.status).toBe(404);
    expect(posted.headers.Location).toBeUndefined();
  });
});
