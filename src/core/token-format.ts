import { createHmac } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { encodeBase62, randomBase62 } from './base62';
import type { RandomBytes } from './clock';

/**
 * `sst_<id>_<secret><checksum>`, in the spirit of GitHub's token formats:
 * - `sst_`: a distinctive prefix, so a leaked token is recognisable;
 * - id: 12 base62 characters (~71 bits), public: it names the stored record;
 * - secret: 43 base62 characters (256 bits of randomness), never stored;
 * - checksum: 6 base62 characters (~35.7 bits) of an HMAC-SHA-256 over everything before it, keyed by
 *   the installation's checksum key. Typos, forgeries and other installations' tokens are refused
 *   from the text alone: finding a checksum without the key takes ~5.7e10 guesses per hit, and every
 *   miss costs no storage.
 */
export const TOKEN_PREFIX = 'sst_';
export const TOKEN_ID_LENGTH = 12;
export const TOKEN_SECRET_LENGTH = 43;
export const TOKEN_CHECKSUM_LENGTH = 6;

/** For secret scanners: finds tokens in free text (the format is unchanged by the keyed checksum). */
export const TOKEN_PATTERN = /\bsst_[0-9A-Za-z]{12}_[0-9A-Za-z]{49}\b/g;

const EXACT_TOKEN = /^sst_([0-9A-Za-z]{12})_([0-9A-Za-z]{43})([0-9A-Za-z]{6})$/;
const TOKEN_ID = /^[0-9A-Za-z]{12}$/;
const CHECKSUM_SPACE = 62n ** BigInt(TOKEN_CHECKSUM_LENGTH);

/** The installation's secret key for checksums (32 random bytes, kept in Forge's encrypted storage). */
export type ChecksumKey = Uint8Array;

export interface ParsedToken {
  id: string;
  secret: string;
}

export function isTokenId(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_ID.test(value);
}

/** The first 64 bits of the HMAC, reduced to 6 base62 characters (the modulo bias is below 2^-28). */
export function checksum(body: string, key: ChecksumKey): string {
  const mac = createHmac('sha256', key).update(body, 'utf8').digest();
  return encodeBase62(Number(mac.readBigUInt64BE(0) % CHECKSUM_SPACE), TOKEN_CHECKSUM_LENGTH);
}

export function formatToken({ id, secret }: ParsedToken, key: ChecksumKey): string {
  const body = `${TOKEN_PREFIX}${id}_${secret}`;
  return body + checksum(body, key);
}

export function generateToken(randomBytes: RandomBytes, key: ChecksumKey): ParsedToken & { token: string } {
  const parts = {
    id: randomBase62(TOKEN_ID_LENGTH, randomBytes),
    secret: randomBase62(TOKEN_SECRET_LENGTH, randomBytes),
  };
  return { ...parts, token: formatToken(parts, key) };
}

/** The parts of token-shaped text, checksum not checked: what needs no key to decide. */
export function tokenParts(text: string): (ParsedToken & { sum: string }) | undefined {
  const match = EXACT_TOKEN.exec(text);
  return match ? { id: match[1], secret: match[2], sum: match[3] } : undefined;
}

/** Returns undefined for anything that is not a well-formed token with a valid checksum under `key`. */
export function parseToken(text: string, key: ChecksumKey): ParsedToken | undefined {
  const parts = tokenParts(text);
  if (!parts) return undefined;
  const { id, secret, sum } = parts;
  // Plain comparison: the checksum guards storage, not the secret, whose hash is compared in constant time.
  return checksum(`${TOKEN_PREFIX}${id}_${secret}`, key) === sum ? { id, secret } : undefined;
}

/**
 * Tokens issued before the keyed checksum carried a public CRC32 instead. They are no longer accepted
 * (anyone could mint them, at a storage read each); this only lets the refusal say why.
 */
export function isLegacyToken(text: string): boolean {
  const parts = tokenParts(text);
  return parts !== undefined && encodeBase62(crc32(`${TOKEN_PREFIX}${parts.id}_${parts.secret}`), TOKEN_CHECKSUM_LENGTH) === parts.sum;
}

/** What the UI shows to recognise a token: its public id and the last characters. */
export function tokenHint(token: string): string {
  return `${token.slice(0, TOKEN_PREFIX.length + TOKEN_ID_LENGTH)}…${token.slice(-4)}`;
}
