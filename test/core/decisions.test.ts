import { tokenFromAuthorization } from '../../src/core/credentials';
import { AppError } from '../../src/core/errors';
import { DEFAULT_POLICY, parsePolicy } from '../../src/core/policy';
import { grantedSpace, missingRights, requireOperation, requireSpace } from '../../src/core/scope';
import { revoked, tokenStatus, withoutSpace, type TokenRecord } from '../../src/core/token';
import { parseCreateTokenInput } from '../../src/core/token-request';

const scope = { operations: ['read', 'update'] as const, spaces: [{ key: 'DOCS', id: '10001' }, { key: 'ENG', id: '10002' }] };
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    return (error as AppError).code;
  }
};

describe('scope decisions', () => {
  it.each([
    ['read', 'allowed'],
    ['update', 'allowed'],
    ['create', 'OPERATION_NOT_GRANTED'],
    ['delete', 'OPERATION_NOT_GRANTED'],
  ] as const)('operation %s → %s', (operation, expected) => {
    expect(codeOf(() => requireOperation({ ...scope, operations: [...scope.operations] }, operation))).toBe(expected);
  });

  it.each([
    ['10001', 'allowed'],
    ['10002', 'allowed'],
    ['10003', 'SPACE_NOT_GRANTED'],
    [undefined, 'SPACE_NOT_GRANTED'],
    ['1000', 'SPACE_NOT_GRANTED'],
  ])('space id %s → %s', (spaceId, expected) => {
    expect(codeOf(() => requireSpace({ ...scope, operations: [...scope.operations] }, spaceId))).toBe(expected);
  });

  it('matches numeric ids given as numbers', () => {
    expect(grantedSpace({ ...scope, operations: [] }, 10001 as unknown as string)?.key).toBe('DOCS');
  });

  it('lists what the owner lacks per space', () => {
    const rights = [
      { space: { key: 'DOCS', id: '1' }, operations: new Set(['read', 'create', 'update'] as const) },
      { space: { key: 'ENG', id: '2' }, operations: new Set(['read'] as const) },
    ];
    expect(missingRights(['read', 'update', 'delete'], rights)).toEqual([
      { spaceKey: 'DOCS', operations: ['delete'] },
      { spaceKey: 'ENG', operations: ['update', 'delete'] },
    ]);
    expect(missingRights(['read'], rights)).toEqual([]);
  });
});

describe('token lifecycle', () => {
  const token = { revokedAt: null, expiresAt: 1_000, spaces: scope.spaces, pages: [], adminCuts: [], version: 3 } as unknown as TokenRecord;
  it.each([
    [999, 'active'],
    [1_000, 'expired'],
  ])('at %i the token is %s', (now, status) => {
    expect(tokenStatus(token, now)).toBe(status);
  });

  it('is revoked when its last space is removed, and keeps the other spaces otherwise', () => {
    const one = withoutSpace(token, 'DOCS', 500, 'docs-admin');
    expect(one).toMatchObject({ spaces: [{ key: 'ENG' }], revokedAt: null, version: 4 });
    expect(withoutSpace(one, 'ENG', 600, 'eng-admin')).toMatchObject({ spaces: [], revokedAt: 600, version: 5 });
  });

  it('remembers which admin cut which space, and whose cut revoked the token, for its owner', () => {
    const both = withoutSpace(withoutSpace(token, 'DOCS', 500, 'docs-admin'), 'ENG', 600, 'eng-admin');
    expect(both.adminCuts).toEqual([
      { by: 'docs-admin', at: 500, spaceKey: 'DOCS', revoked: false },
      { by: 'eng-admin', at: 600, spaceKey: 'ENG', revoked: true },
    ]);
    expect(revoked(token, 700, 'siteadmin').adminCuts).toEqual([{ by: 'siteadmin', at: 700, spaceKey: null, revoked: true }]);
    expect(revoked(token, 700).adminCuts).toEqual([]);
  });

  it('drops the page trees in a removed space, and revokes a token left with none rather than widening it', () => {
    const trees = { ...token, pages: [{ id: '7', spaceId: scope.spaces[0].id, title: 'Release Notes' }] };
    const left = withoutSpace(trees, scope.spaces[0].key, 500, 'docs-admin');
    expect(left).toMatchObject({ pages: [], revokedAt: 500 });
    expect(withoutSpace(trees, scope.spaces[1].key, 500, 'eng-admin')).toMatchObject({ pages: trees.pages, revokedAt: null });
  });
});

describe('credentials', () => {
  const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['Bearer sst_x', 'sst_x'],
    ['bearer   sst_x', 'sst_x'],
    ['Bearer', ''],
    [basic('me@example.com:sst_x'), 'sst_x'],
    [basic('me@example.com:'), ''],
    [basic(':sst_x'), 'sst_x'],
    [basic('no-colon'), undefined],
    ['Digest abc', undefined],
  ])('%s → %s', (header, token) => {
    expect(tokenFromAuthorization(header)).toBe(token);
  });
});

describe('policy and requests', () => {
  it.each([
    [{}, 'VALIDATION_FAILED'],
    [{ ...DEFAULT_POLICY, maxLifetimeDays: 0 }, 'VALIDATION_FAILED'],
    [{ ...DEFAULT_POLICY, maxTokensPerUser: 1.5 }, 'VALIDATION_FAILED'],
    [{ ...DEFAULT_POLICY, allowedOperations: [] }, 'VALIDATION_FAILED'],
    [{ ...DEFAULT_POLICY, gatewayEnabled: 'yes' }, 'VALIDATION_FAILED'],
    [DEFAULT_POLICY, 'allowed'],
  ])('policy %j → %s', (input, expected) => {
    expect(codeOf(() => parsePolicy(input))).toBe(expected);
  });

  it('drops bidi and other invisible format controls from a label, as from audit text', () => {
    const request = parseCreateTokenInput({ label: '\u202eevil\u2066 \u200bbot\ufeff\u2060', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 7 }, DEFAULT_POLICY);
    expect(request.label).toBe('evil bot');
    // Zero-width joiners stay: emoji and some scripts need them.
    expect(parseCreateTokenInput({ label: 'ci \u{1F469}\u200d\u{1F4BB}', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 7 }, DEFAULT_POLICY).label).toBe('ci \u{1F469}\u200d\u{1F4BB}');
  });

  it('normalises a request: trimmed label, canonical operation order', () => {
    const request = parseCreateTokenInput({ label: '  nightly  ', spaceKeys: ['DOCS', '~alice'], operations: ['delete', 'read'], expiresInDays: 7 }, DEFAULT_POLICY);
    expect(request).toEqual({ label: 'nightly', spaceKeys: ['DOCS', '~alice'], operations: ['read', 'delete'], expiresInDays: 7, allowedIps: [], pageIds: [] });
  });

  it.each([
    [{ label: 'a\u0000b' }, 'VALIDATION_FAILED'],
    [{ spaceKeys: ['DOCS', 'DOCS'] }, 'VALIDATION_FAILED'],
    [{ spaceKeys: ['../x'] }, 'VALIDATION_FAILED'],
    [{ operations: ['read', 'read'] }, 'VALIDATION_FAILED'],
    [{ expiresInDays: 1.5 }, 'VALIDATION_FAILED'],
    [{ expiresInDays: 366 }, 'POLICY_VIOLATION'],
  ])('request %j → %s', (override, expected) => {
    const input = { label: 'x', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 30, ...override };
    expect(codeOf(() => parseCreateTokenInput(input, DEFAULT_POLICY))).toBe(expected);
  });
});

it('reads no credential from two Authorization lines joined into one (Node decodes base64 leniently)', () => {
  // The gateway fuzz's counterexample (FUZZ_SEED=59247119): junk on the first line, a live token on the second.
  const second = 'OnNzdF8xc0p3NU84MUNtdm9fdDlEeVRVMVVPY21kZEJidDFSOWlsMGhHT1ZRZHBCdVlMVmJzSFJtb2VLSzFoZGJncQ==';
  expect(tokenFromAuthorization(`Basic ${second}`)).toMatch(/^sst_/);
  expect(tokenFromAuthorization(`Basic \u{5632d}\uac41\u{9832f}, Basic ${second}`)).toBeUndefined();
});
