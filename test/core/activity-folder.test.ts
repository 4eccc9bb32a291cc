import type { AuditRecord } from '../../src/core/audit';
import { DAY_MS } from '../../src/core/clock';
import { activityWindow, spaceActivityFolder, tokenActivityFolder } from '../../src/core/activity-folder';

const NOW = Date.parse('2026-11-30T12:00:00Z');

function event(at: number, outcome: AuditRecord['outcome'] = 'ok', spaceId: string | null = '10001'): AuditRecord {
  return {
    id: `e${at}`, at, tokenId: 'tok000000001', ownerAccountId: 'alice', spaceId, spaceKey: spaceId ? 'DOCS' : null,
    operation: 'read', method: 'GET', pageId: null, status: 200, outcome, code: null, clientIp: null, userAgent: null,
  };
}

describe('the activity folders', () => {
  it('count requests per UTC day and outcome, adding to what is stored', () => {
    const first = spaceActivityFolder.add('c', undefined, [event(NOW), event(NOW + 1, 'denied'), event(NOW - DAY_MS, 'failed')]);
    expect(first).toEqual({ days: { '2026-11-30': [1, 1, 0, 0], '2026-11-29': [0, 0, 1, 0] } });
    expect(spaceActivityFolder.add('c', first, [event(NOW + 2, 'denied'), event(NOW + 3, 'unconfirmed')]).days['2026-11-30']).toEqual([1, 2, 0, 1]);
    expect(first.days['2026-11-30']).toEqual([1, 1, 0, 0]);
  });

  it('keep only the last 30 days, so a cell stays small however long a token lives', () => {
    const year = Array.from({ length: 365 }, (_, i) => event(NOW - (364 - i) * DAY_MS));
    const { days } = tokenActivityFolder.add('c', undefined, year);
    expect(Object.keys(days)).toHaveLength(30);
    expect(Object.keys(days).sort()[0]).toBe('2026-11-01');
    expect(JSON.stringify(days).length).toBeLessThan(1024);
  });

  it('file space events under the space and the space’s token, and every event under its token with its owner', () => {
    expect(spaceActivityFolder.cellsOf(event(NOW))).toEqual(['activity-space:10001', 'activity-space-token:10001:tok000000001']);
    expect(spaceActivityFolder.cellsOf(event(NOW, 'ok', null))).toEqual([]);
    expect(tokenActivityFolder.cellsOf(event(NOW, 'ok', null))).toEqual(['activity-token:tok000000001']);
    expect(tokenActivityFolder.add('c', undefined, [event(NOW)]).owner).toBe('alice');
    // A rotation in the app's page is an event of the token, not a request.
    const rotation = { ...event(NOW), method: 'UI' };
    expect([...spaceActivityFolder.cellsOf(rotation), ...tokenActivityFolder.cellsOf(rotation)]).toEqual([]);
  });
});

describe('activityWindow', () => {
  it('answers the 30 days ending today, oldest first, with zeros where nothing happened', () => {
    const window = activityWindow({ days: { '2026-11-30': [3, 2, 1, 1], '2026-10-31': [9, 9, 9, 9], '2026-11-01': [4, 0, 0, 0] } }, NOW);
    expect(window).toHaveLength(30);
    expect(window[0]).toEqual({ date: '2026-11-01', ok: 4, denied: 0, failed: 0, unconfirmed: 0 });
    expect(window[29]).toEqual({ date: '2026-11-30', ok: 3, denied: 2, failed: 1, unconfirmed: 1 });
    expect(window.slice(1, 29).every((day) => day.ok + day.denied + day.failed + day.unconfirmed === 0)).toBe(true);
    expect(activityWindow(undefined, NOW).every((day) => day.ok === 0)).toBe(true);
  });
});
