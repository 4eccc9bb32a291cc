import { isIpAllowed, parseAllowedIps, requireAllowedIp } from '../../src/core/ip-allowlist';
import { decideFromParent, learnFromAncestors } from '../../src/core/page-tree';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { parseGraceHours, rotated } from '../../src/core/rotation';
import { expiresSoon, previousSecretValidUntil, type TokenRecord } from '../../src/core/token';

const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'allowed';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('IP allowlist matching', () => {
  const list = parseAllowedIps(['203.0.113.0/24', '198.51.100.7', '2001:db8::/32']);
  it.each([
    ['203.0.113.200', true],
    ['203.0.114.1', false],
    ['198.51.100.7', true],
    ['198.51.100.8', false],
    ['2001:db8:ffff::1', true],
    ['2001:db9::1', false],
    ['::ffff:203.0.113.5', true], // IPv4-mapped IPv6 is the IPv4 address
    ['203.0.113.5:443', false], // not an address
    ['', false],
    [null, false],
  ])('%s allowed: %s', (address, allowed) => {
    expect(isIpAllowed(list, address)).toBe(allowed);
  });

  it('refuses use from anywhere once the policy requires a list the token lacks', () => {
    expect(codeOf(() => requireAllowedIp([], false, '192.0.2.1'))).toBe('allowed');
    expect(codeOf(() => requireAllowedIp([], true, '192.0.2.1'))).toBe('IP_NOT_ALLOWED');
    expect(codeOf(() => requireAllowedIp(list, false, '192.0.2.1'))).toBe('IP_NOT_ALLOWED');
  });
});

describe('page-tree membership', () => {
  const roots = new Set(['10']);
  it('decides from the parent when it can, and says when only ancestors can tell', () => {
    const known = new Map<string, boolean>();
    expect(decideFromParent(roots, known, '10', '1')).toBe(true);
    expect(decideFromParent(roots, known, '11', '10')).toBe(true);
    expect(decideFromParent(roots, known, '2', null)).toBe(false);
    expect(decideFromParent(roots, known, '3', undefined)).toBeUndefined(); // parent not told
    expect(decideFromParent(roots, known, '12', '11')).toBeUndefined();
    expect(learnFromAncestors(roots, known, '12', ['1', '10', '11'])).toBe(true);
    expect(known).toEqual(new Map([['1', false], ['10', true], ['11', true], ['12', true]]));
    expect(decideFromParent(roots, known, '13', '11')).toBe(true);
    expect(decideFromParent(roots, known, '14', '1')).toBe(false);
    expect(learnFromAncestors(roots, new Map(), '3', ['1', '2'])).toBe(false);
  });
});

describe('rotation', () => {
  const token = { secretHash: { alg: 'sha256', salt: 'a', hash: 'old' }, hint: 'old', previousSecret: null, version: 1, revokedAt: null, expiresAt: 100 * 3_600_000 } as unknown as TokenRecord;
  const next = { secretHash: { alg: 'sha256' as const, salt: 'b', hash: 'new' }, hint: 'new' };

  it('keeps the replaced secret for the grace period only, and none with 0', () => {
    expect(rotated(token, next, 2, 0)).toMatchObject({ secretHash: next.secretHash, previousSecret: { secretHash: token.secretHash, validUntil: 7_200_000 }, version: 2 });
    expect(rotated(token, next, 0, 0).previousSecret).toBeNull();
  });

  it('cuts a running grace period to what the policy now allows', () => {
    const withGrace = rotated(token, next, 24, 0);
    expect(previousSecretValidUntil(withGrace, 168)).toBe(24 * 3_600_000);
    expect(previousSecretValidUntil(withGrace, 1)).toBe(3_600_000);
  });

  it.each([
    [undefined, 'VALIDATION_FAILED'],
    [-1, 'VALIDATION_FAILED'],
    [169, 'VALIDATION_FAILED'],
    [2.5, 'VALIDATION_FAILED'],
    [25, 'POLICY_VIOLATION'],
    [24, 'allowed'],
    [0, 'allowed'],
  ])('grace %p under a 24-hour policy: %s', (hours, expected) => {
    expect(codeOf(() => parseGraceHours(hours, { ...DEFAULT_POLICY, maxGraceHours: 24 }))).toBe(expected);
  });

  it('gives a script that does not choose the default, cut to the policy', () => {
    expect(parseGraceHours(undefined, DEFAULT_POLICY, 24)).toBe(24);
    expect(parseGraceHours(undefined, { ...DEFAULT_POLICY, maxGraceHours: 6 }, 24)).toBe(6);
  });

  it('flags tokens expiring within 7 days while active', () => {
    const day = 86_400_000;
    expect(expiresSoon({ revokedAt: null, expiresAt: 10 * day }, 3 * day)).toBe(true);
    expect(expiresSoon({ revokedAt: null, expiresAt: 10 * day }, 2 * day)).toBe(false);
    expect(expiresSoon({ revokedAt: 1, expiresAt: 10 * day }, 9 * day)).toBe(false);
    expect(expiresSoon({ revokedAt: null, expiresAt: 10 * day }, 10 * day)).toBe(false);
  });
});
