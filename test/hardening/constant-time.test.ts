import { hashSecret, verifySecret, type SecretHash } from '../../src/core/secret-hash';

/** What verifySecret does, counted: bytes hashed, digests made, comparisons and the bytes they covered. */
const mockWork = { hashedBytes: 0, digests: 0, comparisons: 0, comparedBytes: 0, compared: [] as Array<[Buffer, Buffer]> };

// Observe (never replace) the hashing and comparison verifySecret uses.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  const observed = <H extends { update: (...args: any[]) => H; digest: (...args: any[]) => any }>(hash: H): H => {
    const update = hash.update.bind(hash);
    const digest = hash.digest.bind(hash);
    hash.update = (data: string | Buffer, encoding?: BufferEncoding) => {
      mockWork.hashedBytes += typeof data === 'string' ? Buffer.byteLength(data, encoding ?? 'utf8') : data.length;
      update(data, encoding);
      return hash;
    };
    hash.digest = (...args: any[]) => {
      mockWork.digests += 1;
      return digest(...args);
    };
    return hash;
  };
  return {
    ...actual,
    createHash: (...args: Parameters<typeof actual.createHash>) => observed(actual.createHash(...args)),
    createHmac: (...args: Parameters<typeof actual.createHmac>) => observed(actual.createHmac(...args)),
    timingSafeEqual: (a: Buffer, b: Buffer) => {
      mockWork.comparisons += 1;
      mockWork.comparedBytes += a.length;
      mockWork.compared.push([Buffer.from(a), Buffer.from(b)]);
      return actual.timingSafeEqual(a, b);
    },
  };
});

const SECRET = 'Zq3'.repeat(14) + 'x';
const SALT = Uint8Array.from({ length: 16 }, (_, i) => 255 - i);

/** The stored hash with byte `at` of its digest changed: the candidate's digest first differs there. */
function differingAt(stored: SecretHash, at: number): SecretHash {
  const digest = Buffer.from(stored.hash, 'base64url');
  digest[at] ^= 0x01;
  return { ...stored, hash: digest.toString('base64url') };
}

function firstDifference(a: Buffer, b: Buffer): number {
  return a.findIndex((byte, i) => byte !== b[i]);
}

/** Runs verifySecret and answers its verdict and the work it did, with any early-exiting Buffer comparison it made. */
function profile(stored: SecretHash, pepper: string | undefined) {
  Object.assign(mockWork, { hashedBytes: 0, digests: 0, comparisons: 0, comparedBytes: 0, compared: [] });
  const compare = jest.spyOn(Buffer, 'compare');
  const equals = jest.spyOn(Buffer.prototype, 'equals');
  try {
    const verdict = verifySecret(SECRET, stored, pepper);
    const { hashedBytes, digests, comparisons, comparedBytes } = mockWork;
    return { verdict, work: { hashedBytes, digests, comparisons, comparedBytes, earlyExitComparisons: compare.mock.calls.length + equals.mock.calls.length } };
  } finally {
    compare.mockRestore();
    equals.mockRestore();
  }
}

describe.each([
  ['salted SHA-256', undefined],
  ['HMAC-SHA-256 with a pepper', 'pepper-1'],
])('verifySecret with %s', (_name, pepper) => {
  const stored = hashSecret(SECRET, SALT, pepper);
  const digestLength = Buffer.from(stored.hash, 'base64url').length;

  it('does the same work wherever the first differing byte is, and when nothing differs', () => {
    const match = profile(stored, pepper);
    expect(match.verdict).toBe(true);
    expect(match.work).toEqual({ hashedBytes: SALT.length + SECRET.length, digests: 1, comparisons: 1, comparedBytes: digestLength, earlyExitComparisons: 0 });
    for (let at = 0; at < digestLength; at++) {
      const mismatch = profile(differingAt(stored, at), pepper);
      expect({ at, ...mismatch }).toEqual({ at, verdict: false, work: match.work });
    }
  });

  it('hands the comparator both whole digests, the difference where it really is', () => {
    for (const at of [0, digestLength - 1]) {
      profile(differingAt(stored, at), pepper);
      const [[expected, actual]] = mockWork.compared;
      expect([expected.length, actual.length]).toEqual([digestLength, digestLength]);
      expect(firstDifference(expected, actual)).toBe(at);
    }
  });
});
