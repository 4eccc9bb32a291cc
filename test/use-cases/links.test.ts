import { peopleRedirect, rewriteLinks } from '../../src/use-cases/gateway/links';

const GATEWAY = 'https://abc.webtrigger.atlassian.app/public/xyz';
const SITE = 'https://example.atlassian.net';
const json = (body: unknown, link?: string) => ({ status: 200, body: JSON.stringify(body), contentType: 'application/json;charset=UTF-8', link });

describe('rewriteLinks', () => {
  it('puts the base on the gateway and keeps people links relative to it, as Confluence sends them', () => {
    const page = { id: '1', _links: { webui: '/spaces/DOCS/pages/1/Home', editui: '/pages/resumedraft.action?draftId=1', tinyui: '/x/MQ', base: `${SITE}/wiki` } };
    expect(JSON.parse(rewriteLinks(json(page), GATEWAY).body)._links).toEqual({
      webui: '/spaces/DOCS/pages/1/Home',
      editui: '/pages/resumedraft.action?draftId=1',
      tinyui: '/x/MQ',
      base: `${GATEWAY}/wiki`,
    });
    const attachment = { id: 'att1', downloadLink: '/download/attachments/1/a.txt?api=v2', _links: { download: '/download/attachments/1/a.txt', base: `${SITE}/wiki` } };
    const answered = JSON.parse(rewriteLinks(json(attachment), GATEWAY).body);
    expect([answered.downloadLink, answered._links.download]).toEqual([attachment.downloadLink, attachment._links.download]);
  });

  it('keeps next relative in the body and makes it absolute on the gateway in the Link header', () => {
    const next = '/wiki/api/v2/pages?cursor=abc&limit=1';
    const answer = rewriteLinks(json({ results: [{ id: '1', _links: { webui: '/p/1' } }], _links: { next, base: `${SITE}/wiki` } }, `<${next}>; rel="next", <${SITE}/wiki>; rel="base"`), GATEWAY);
    const body = JSON.parse(answer.body);
    expect(body._links).toEqual({ next, base: `${GATEWAY}/wiki` });
    expect(body.results[0]._links.webui).toBe('/p/1');
    expect(answer.link).toBe(`<${GATEWAY}${next}>; rel="next", <${GATEWAY}/wiki>; rel="base"`);
  });

  it('moves absolute API links (v1 self, an absolute next) to the gateway and drops other relations', () => {
    const answer = rewriteLinks(
      json({ id: '1', _links: { self: `${SITE}/wiki/rest/api/content/1`, base: `${SITE}/wiki`, context: '/wiki' } }, `<${SITE}/wiki/rest/api/content?start=25>; rel="next", <https://elsewhere.example/x>; rel="next", <${SITE}/wiki/a>; rel="prev"`),
      GATEWAY,
    );
    expect(JSON.parse(answer.body)._links).toEqual({ self: `${GATEWAY}/wiki/rest/api/content/1`, base: `${GATEWAY}/wiki`, context: '/wiki' });
    expect(answer.link).toBe(`<${GATEWAY}/wiki/rest/api/content?start=25>; rel="next"`);
  });

  it('drops links that would lead off the gateway when its URL is unknown, rather than keep Confluence’s', () => {
    const answer = rewriteLinks(json({ _links: { base: `${SITE}/wiki`, self: `${SITE}/wiki/rest/api/content/1`, webui: '/p/1' } }, `</wiki/api/v2/pages?cursor=a>; rel="next"`), undefined);
    expect(JSON.parse(answer.body)._links).toEqual({ webui: '/p/1' });
    expect(answer.link).toBeUndefined();
  });

  it('leaves content alone: a property value that looks like links, and bodies that are not JSON', () => {
    const property = { id: '5', key: 'k', value: { _links: { base: `${SITE}/wiki`, webui: '/mine' } }, _links: { base: `${SITE}/wiki` } };
    expect(JSON.parse(rewriteLinks(json(property), GATEWAY).body).value).toEqual(property.value);
    const text = { status: 200, body: '_links', contentType: 'text/plain' };
    expect(rewriteLinks(text, GATEWAY)).toEqual({ ...text, link: undefined });
  });
});

describe('peopleRedirect', () => {
  const none = new URLSearchParams();
  const redirect = (path: string, query = none, method = 'GET') => peopleRedirect(method, path, query, `${SITE}/wiki`);

  it('sends each kind of people link to the same path and query on the site', () => {
    expect(redirect('/wiki/spaces/DOCS/pages/20002/Getting+Started')).toBe(`${SITE}/wiki/spaces/DOCS/pages/20002/Getting+Started`);
    expect(redirect('/wiki/pages/viewpage.action', new URLSearchParams({ pageId: '20002' }))).toBe(`${SITE}/wiki/pages/viewpage.action?pageId=20002`);
    expect(redirect('/wiki/display/DOCS/Home')).toBe(`${SITE}/wiki/display/DOCS/Home`);
    expect(redirect('/wiki/x/MjAwMDI')).toBe(`${SITE}/wiki/x/MjAwMDI`);
    expect(redirect('/wiki/download/attachments/20002/setup-notes.txt', new URLSearchParams({ version: '1', api: 'v2' }))).toBe(
      `${SITE}/wiki/download/attachments/20002/setup-notes.txt?version=1&api=v2`,
    );
    expect(redirect('/wiki/spaces/DOCS', none, 'HEAD')).toBe(`${SITE}/wiki/spaces/DOCS`);
  });

  it('redirects nothing but a GET or HEAD of a people path', () => {
    expect(redirect('/wiki/spaces/DOCS', none, 'POST')).toBeUndefined();
    for (const path of ['/wiki/api/v2/pages/1', '/wiki/rest/api/content/1', '/self', '/wiki/spaces', '/wiki/spacesX/1', '/spaces/DOCS']) {
      expect(redirect(path)).toBeUndefined();
    }
  });

  it('never leaves the site, whatever the path holds (no open redirect)', () => {
    const hostile = [
      '//evil.com', '//evil.com/wiki/spaces/A', '/wiki/x/..//evil.com', '/wiki/x/../..//evil.com', '/wiki/x/%2e%2e/%2e%2e//evil.com',
      '/wiki/x/..%2f..%2f/evil.com', '/wiki/x/\\evil.com', '/wiki/spaces/\\\\evil.com', '/wiki/x//evil.com', '/wiki/x/%0d%0aLocation:%20https://evil.com',
      '/wiki/x/\r\nLocation: https://evil.com', '/wiki/spaces/@evil.com', '/wiki/x/a@evil.com:443/', '/wiki/x/https://evil.com',
    ];
    for (const path of hostile) {
      const location = redirect(path, new URLSearchParams({ next: 'https://evil.com' }));
      if (location === undefined) continue;
      const url = new URL(location);
      expect([path, url.origin]).toEqual([path, SITE]);
      expect(url.pathname).toMatch(/^\/wiki\/(spaces|pages|display|x|download)\/[^/]/);
      expect(location).not.toMatch(/[\r\n\\]/);
    }
    expect(redirect('/wiki/x/..//evil.com')).toBeUndefined();
    expect(redirect('/wiki/x/\\evil.com')).toBeUndefined();
    expect(redirect('/wiki/x/\r\nLocation: https://evil.com')).toBeUndefined();
  });

  it('keeps a site base that is not at the root (a proxy path) in front of the path', () => {
    expect(peopleRedirect('GET', '/wiki/x/MQ', none, 'https://example.com/confluence/wiki/')).toBe('https://example.com/confluence/wiki/x/MQ');
  });
});
