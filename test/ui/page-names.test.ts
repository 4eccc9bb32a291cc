import type { AuditEvent, AuditPage } from '../../src/contract/resolvers';
import { nameEvents, settleDeleted } from '../../static/space-usage/src/page-names';

const event = (id: string, pageId: string | null): AuditEvent => ({
  id,
  at: '2026-11-23T10:00:00.000Z',
  tokenId: 't1',
  ownerAccountId: 'acc-1',
  spaceId: '10001',
  spaceKey: 'DOCS',
  operation: 'read',
  method: 'GET',
  pageId,
  status: 200,
  outcome: 'ok',
  code: null,
  clientIp: null,
  userAgent: null,
});

describe('nameEvents', () => {
  it('gives each event its page as the answer names it, or unknown when Confluence was not asked', () => {
    const answer: AuditPage = { items: [event('e1', '42'), event('e2', null)], cursor: null, pages: { 42: { state: 'restricted' } } };
    expect(nameEvents(answer).map((named) => named.page)).toEqual([{ state: 'restricted' }, undefined]);
    expect(nameEvents({ ...answer, pages: null })[0].page).toEqual({ state: 'unknown' });
  });
});

describe('settleDeleted', () => {
  it('calls a page deleted on every loaded page of events once one page of them knows it was deleted', () => {
    const newer = nameEvents({ items: [event('e1', '42')], cursor: 'c', pages: { 42: { state: 'deleted', title: null } } });
    const older = nameEvents({ items: [event('e2', '42'), event('e3', '43')], cursor: null, pages: { 42: { state: 'restricted' }, 43: { state: 'restricted' } } });
    expect(settleDeleted([...newer, ...older]).map((named) => named.page?.state)).toEqual(['deleted', 'deleted', 'restricted']);
  });
});
