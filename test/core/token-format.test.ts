import { randomBytes } from 'node:crypto';
import {
  formatToken,
  generateToken,
  isLegacyToken,
  parseToken,
  tokenHint,
  tokenParts,
  TOKEN_PATTERN,
} from '../../src/core/token-format';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i);
const OTHER_KEY = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
/** Checksum computed independently (Python's hmac: HMAC-SHA-256, first 8 bytes big-endian mod 62^6, base62). */
const GOLDEN = 'sst_000000000000_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaawXbzZc';
/** The same id and secret with the public CRC32 checksum tokens carried before the keyed one. */
const LEGACY = 'sst_000000000000_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa3OoxFg';

/** Deterministic "randomness": counts up, so generated tokens are reproducible. */
function countingBytes(): (length: number) => Uint8Array {
  let next = 0;
  return (length) => Uint8Array.from({ length }, () => next++ % 256);
}

describe('token format', () => {
  it('formats a golden token with a keyed checksum computed independently', () => {
    expect(formatToken({ id: '000000000000', secret: 'a'.repeat(43) }, KEY)).toBe(GOLDEN);
    expect(parseToken(GOLDEN, KEY)).toEqual({ id: '000000000000', secret: 'a'.repeat(43) });
  });

  it("refuses another installation's token and a token in the old CRC32 format, from the text alone", () => {
    expect(parseToken(GOLDEN, OTHER_KEY)).toBeUndefined();
    expect(parseToken(LEGACY, KEY)).toBeUndefined();
    expect(isLegacyToken(LEGACY)).toBe(true);
    expect(isLegacyToken(GOLDEN)).toBe(false);
  });

  it('generates tokens that parse back, with 43 base62 characters (256 bits) of secret', () => {
    for (let i = 0; i < 200; i++) {
      const { token, id, secret } = generateToken((length) => randomBytes(length), KEY);
      expect(token).toHaveLength(66);
      expect(secret).toMatch(/^[0-9A-Za-z]{43}$/);
      expect(parseToken(token, KEY)).toEqual({ id, secret });
    }
  });

  it('is reproducible under injected randomness', () => {
    expect(generateToken(countingBytes(), KEY)).toEqual(generateToken(countingBytes(), KEY));
  });

  it('drops bytes that would bias the alphabet (248 and above)', () => {
    let call = 0;
    // First all biased bytes, then zeros: only the zeros may become characters.
    const token = generateToken((length) => new Uint8Array(length).fill(call++ === 0 ? 250 : 0), KEY);
    expect(token.id).toBe('000000000000');
  });

  it.each([
    ['empty', ''],
    ['wrong prefix', GOLDEN.replace('sst_', 'ghp_')],
    ['one character short', GOLDEN.slice(0, -1)],
    ['one character long', `${GOLDEN}a`],
    ['tampered checksum', `${GOLDEN.slice(0, -1)}h`],
    ['tampered secret', GOLDEN.replace('aaaa', 'aaab')],
    ['tampered id', GOLDEN.replace('sst_0', 'sst_1')],
    ['non-base62 character', GOLDEN.replace('aaaa', 'aa-a')],
    ['surrounding whitespace', ` ${GOLDEN}`],
    ['unicode lookalike', GOLDEN.replace('a', 'а')],
  ])('rejects a %s token', (_name, text) => {
    expect(parseToken(text, KEY)).toBeUndefined();
  });

  it('splits token-shaped text without the key (for hints and scanners), and nothing else', () => {
    expect(tokenParts(LEGACY)).toEqual({ id: '000000000000', secret: 'a'.repeat(43), sum: '3OoxFg' });
    expect(tokenParts(` ${GOLDEN}`)).toBeUndefined();
  });

  it('is found in free text by the documented scanner pattern', () => {
    const leak = `export CONFLUENCE_TOKEN=${GOLDEN} # oops`;
    expect(leak.match(TOKEN_PATTERN)).toEqual([GOLDEN]);
    expect('sst_short_token'.match(TOKEN_PATTERN)).toBeNull();
  });

  it('hints with the public id and the last characters only', () => {
    expect(tokenHint(GOLDEN)).toBe('sst_000000000000…bzZc');
    expect(tokenHint(GOLDEN)).not.toContain('a'.repeat(8));
  });
});
