import type { AuditEvent } from '../../src/contract/resolvers';
import type { NamedEvent } from '../../static/space-usage/src/page-names';
import { auditCsv, csvField, type TokenNames } from '../../static/space-usage/src/audit-csv';

const event: AuditEvent = {
  id: 'e1',
  at: '2026-11-23T10:00:00.000Z',
  tokenId: 't1',
  ownerAccountId: 'acc-1',
  spaceId: '10001',
  spaceKey: 'DOCS',
  operation: 'update',
  method: 'PUT',
  pageId: '42',
  status: 403,
  outcome: 'denied',
  code: 'OPERATION_NOT_GRANTED',
  clientIp: '203.0.113.7',
  userAgent: 'curl/8.5',
};

describe('csvField', () => {
  it('leaves plain values alone and writes null as an empty field', () => {
    expect(csvField('DOCS')).toBe('DOCS');
    expect(csvField(403)).toBe('403');
    expect(csvField(null)).toBe('');
  });

  it('quotes fields with commas, quotes, line breaks or edge spaces, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('auditCsv', () => {
  const tokens = new Map<string, TokenNames>([['t1', { label: 'Nightly, export', owner: { accountId: 'acc-1', displayName: 'Ada' } }]]);

  it('writes a header and one CRLF-terminated line per event, naming known tokens', () => {
    const named: NamedEvent = { ...event, page: { state: 'visible', title: '=Plan, "Q3"', url: 'https://x.atlassian.net/wiki/spaces/DOCS/pages/42' } };
    const lines = auditCsv([named, { ...event, id: 'e2', tokenId: 'gone', userAgent: null, page: { state: 'restricted' } }], tokens).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'Time (UTC),Token ID,Token label,Owner,Owner account ID,Space,Operation,Method,Page ID,Page title,Page state,HTTP status,Outcome,Error code,Client IP,User agent,Event ID',
    );
    expect(lines[1]).toBe(
      `2026-11-23T10:00:00.000Z,t1,"Nightly, export",Ada,acc-1,DOCS,update,PUT,42,"'=Plan, ""Q3""",visible,403,denied,OPERATION_NOT_GRANTED,203.0.113.7,curl/8.5,e1`,
    );
    expect(lines[2]).toBe('2026-11-23T10:00:00.000Z,gone,,,acc-1,DOCS,update,PUT,42,,restricted,403,denied,OPERATION_NOT_GRANTED,203.0.113.7,,e2');
    expect(lines[3]).toBe('');
  });

  it('names deleted pages by the title the admin could still see, and leaves the title empty when unknown', () => {
    const rows = [
      { ...event, page: { state: 'deleted', title: 'Old plan' } },
      { ...event, page: { state: 'deleted', title: null } },
      { ...event, page: { state: 'unknown' } },
      { ...event, pageId: null },
    ] as NamedEvent[];
    const pageFields = auditCsv(rows, tokens).split('\r\n').slice(1, 5).map((line) => line.split(',').slice(9, 12).join(',')); // after the label's comma
    expect(pageFields).toEqual(['42,Old plan,deleted', '42,,deleted', '42,,', ',,']);
  });
});
