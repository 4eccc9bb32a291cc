import { rewriteLinks } from '../../src/use-cases/gateway/links';

const GATEWAY = 'https://abc.webtrigger.atlassian.app/public/xyz';
const SITE = 'https://example.atlassian.net';
const json = (body: unknown, link?: string) => ({ status: 200, body: JSON.stringify(body), contentType: 'application/json;charset=UTF-8', link });

describe('rewriteLinks', () => {
  it('puts the base on the gateway and keeps human links on Confluence, made absolute', () => {
    const page = { id: '1', _links: { webui: '/spaces/DOCS/pages/1/Home', editui: '/pages/resumedraft.action?draftId=1', tinyui: '/x/MQ', base: `${SITE}/wiki` } };
    expect(JSON.parse(rewriteLinks(json(page), GATEWAY).body)._links).toEqual({
      webui: `${SITE}/wiki/spaces/DOCS/pages/1/Home`,
      editui: `${SITE}/wiki/pages/resumedraft.action?draftId=1`,
      tinyui: `${SITE}/wiki/x/MQ`,
      base: `${GATEWAY}/wiki`,
    });
  });

  it('keeps next relative in the body and makes it absolute on the gateway in the Link header', () => {
    const next = '/wiki/api/v2/pages?cursor=abc&limit=1';
    const answer = rewriteLinks(json({ results: [{ id: '1', _links: { webui: '/p/1' } }], _links: { next, base: `${SITE}/wiki` } }, `<${next}>; rel="next", <${SITE}/wiki>; rel="base"`), GATEWAY);
    const body = JSON.parse(answer.body);
    expect(body._links).toEqual({ next, base: `${GATEWAY}/wiki` });
    expect(body.results[0]._links.webui).toBe(`${SITE}/wiki/p/1`);
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
    expect(JSON.parse(answer.body)._links).toEqual({ webui: `${SITE}/wiki/p/1` });
    expect(answer.link).toBeUndefined();
  });

  it('leaves content alone: a property value that looks like links, and bodies that are not JSON', () => {
    const property = { id: '5', key: 'k', value: { _links: { base: `${SITE}/wiki`, webui: '/mine' } }, _links: { base: `${SITE}/wiki` } };
    expect(JSON.parse(rewriteLinks(json(property), GATEWAY).body).value).toEqual(property.value);
    const text = { status: 200, body: '_links', contentType: 'text/plain' };
    expect(rewriteLinks(text, GATEWAY)).toEqual({ ...text, link: undefined });
  });
});
