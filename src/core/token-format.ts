import { crc32 } from 'node:zlib';
import { encodeBase62, randomBase62 } from './base62';
import type { RandomBytes } from './clock';

/**
 * `sst_<id>_<secret><checksum>`, in the spirit of GitHub's token formats:
 * - `sst_`: a distinctive prefix, so a leaked token is recognisable;
 * - id: 12 base62 characters (~71 bits), public: it names the stored record;
 * - secret: 43 base62 characters (256 bits of randomness), never stored;
 * - checksum: CRC32 of everything before it, 6 base62 characters, so typos and most forgeries are
 *   rejected without touching storage.
 */
export const TOKEN_PREFIX = 'sst_';
export const TOKEN_ID_LENGTH = 12;
export const TOKEN_SECRET_LENGTH = 43;
export const TOKEN_CHECKSUM_LENGTH = 6;

/** For secret scanners: finds tokens in free text. */
export const TOKEN_PATTERN = /\bsst_[0-9A-Za-z]{12}_[0-9A-Za-z]{49}\b/g;

const EXACT_TOKEN = /^sst_([0-9A-Za-z]{12})_([0-9A-Za-z]{43})([0-9A-Za-z]{6})$/;
const TOKEN_ID = /^[0-9A-Za-z]{12}$/;

export interface ParsedToken {
  id: string;
  secret: string;
}

export function isTokenId(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_ID.test(value);
}

export function checksum(body: string): string {
  return encodeBase62(crc32(body), TOKEN_CHECKSUM_LENGTH);
}

export function formatToken({ id, secret }: ParsedToken): string {
  const body = `${TOKEN_PREFIX}${id}_${secret}`;
  return body + checksum(body);
}

export function generateToken(randomBytes: RandomBytes): ParsedToken & { token: string } {
  const parts = {
    id: randomBase62(TOKEN_ID_LENGTH, randomBytes),
    secret: randomBase62(TOKEN_SECRET_LENGTH, randomBytes),
  };
  return { ...parts, token: formatToken(parts) };
}

/** Returns undefined for anything that is not a well-formed token with a valid checksum. */
export function parseToken(text: string): ParsedToken | undefined {
  const match = EXACT_TOKEN.exec(text);
  if (!match) return undefined;
  const [, id, secret, sum] = match;
  return checksum(`${TOKEN_PREFIX}${id}_${secret}`) === sum ? { id, secret } : undefined;
}

/** What the UI shows to recognise a token: its public id and the last characters. */
export function tokenHint(token: string): string {
  return `${token.slice(0, TOKEN_PREFIX.length + TOKEN_ID_LENGTH)}…${token.slice(-4)}`;
}
