import type { TokenRecord } from '../../src/core/token';
import type { RouteContext } from '../../src/use-cases/gateway/route';
import { keepInScope } from '../../src/use-cases/gateway/scope-guard';

/** A route context for a token reaching DOCS (10001) only; the guard needs nothing else here. */
const context = {
  token: { spaces: [{ id: '10001', key: 'DOCS' }], operations: ['read'] } as unknown as TokenRecord,
  target: { spaceId: null, spaceKey: null, pageId: null },
} as RouteContext;

const list = (results: unknown[]) => ({ status: 200, body: JSON.stringify({ results, _links: { next: '/wiki/api/v2/pages?cursor=x' } }), contentType: 'application/json' });

describe('keepInScope', () => {
  it('drops results from spaces outside the scope, whatever Confluence answered', () => {
    const answer = keepInScope(context, list([{ id: '1', spaceId: '10001' }, { id: '2', spaceId: '10002' }, { id: '3', spaceId: 10001 }]));
    expect(JSON.parse(answer.body)).toEqual({ results: [{ id: '1', spaceId: '10001' }, { id: '3', spaceId: 10001 }], _links: { next: '/wiki/api/v2/pages?cursor=x' } });
  });

  it('judges results without a space by the page they were listed from, and drops them when that is unknown', () => {
    const ancestors = list([{ id: '1', type: 'page' }]);
    expect(JSON.parse(keepInScope(context, ancestors, '10001').body).results).toHaveLength(1);
    expect(JSON.parse(keepInScope(context, ancestors, '10002').body).results).toEqual([]);
    expect(JSON.parse(keepInScope(context, ancestors).body).results).toEqual([]);
  });

  it('passes refusals and non-list answers on as they are', () => {
    const refusal = { status: 404, body: '{"errors":[]}', contentType: 'application/json' };
    expect(keepInScope(context, refusal)).toBe(refusal);
  });
});
