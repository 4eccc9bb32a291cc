import { timingSafeEqual } from 'node:crypto';
import { hashSecret, verifySecret } from '../../src/core/secret-hash';

// Observe (not replace) the comparison the hash check uses.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const SALT = Uint8Array.from({ length: 16 }, (_, i) => i);
const SECRET = 'a'.repeat(43);

describe('secret hashing', () => {
  it.each([
    ['salted SHA-256', undefined, 'sha256', 'tS3OPGquXIP4tqBflqZ_2X5rpYU0nh230dxJqzC4_a4'],
    ['HMAC-SHA-256 with a pepper', 'pepper-1', 'hmac-sha256', 'LSD3A4jpyHlIXKkwDjMYN5F4CGzh8jSgsia_XPuWunY'],
  ])('matches golden values computed independently: %s', (_name, pepper, alg, hash) => {
    expect(hashSecret(SECRET, SALT, pepper)).toEqual({ alg, salt: 'AAECAwQFBgcICQoLDA0ODw', hash });
  });

  it('never stores the secret itself', () => {
    expect(JSON.stringify(hashSecret(SECRET, SALT, 'pepper-1'))).not.toContain(SECRET);
  });

  it.each([
    ['the right secret', SECRET, undefined, undefined, true],
    ['a wrong secret', `${SECRET.slice(0, -1)}b`, undefined, undefined, false],
    ['the right secret with the pepper', SECRET, 'pepper-1', 'pepper-1', true],
    ['a wrong pepper', SECRET, 'pepper-1', 'pepper-2', false],
    ['no pepper for a peppered hash', SECRET, 'pepper-1', undefined, false],
  ])('verifies %s', (_name, candidate, hashPepper, verifyPepper, expected) => {
    expect(verifySecret(candidate, hashSecret(SECRET, SALT, hashPepper), verifyPepper)).toBe(expected);
  });

  it('salts: the same secret hashes differently under another salt', () => {
    expect(hashSecret(SECRET, SALT).hash).not.toBe(hashSecret(SECRET, new Uint8Array(16)).hash);
  });

  it('compares in constant time, over every byte, whatever the first difference', () => {
    const compare = jest.mocked(timingSafeEqual);
    compare.mockClear();
    expect(verifySecret('b'.repeat(43), hashSecret(SECRET, SALT))).toBe(false);
    expect(compare).toHaveBeenCalledTimes(1);
    const [expected, actual] = compare.mock.calls[0] as [Buffer, Buffer];
    expect(expected).toHaveLength(32);
    expect(actual).toHaveLength(32);
    expect(Buffer.compare(expected, actual)).not.toBe(0);
  });
});
