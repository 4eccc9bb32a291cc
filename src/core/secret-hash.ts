import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Only this is stored: a salted SHA-256 of the secret, or HMAC-SHA-256 keyed with a pepper that lives
 * outside storage (a Forge encrypted variable), so a storage dump alone cannot confirm a guess.
 */
export interface SecretHash {
  alg: 'sha256' | 'hmac-sha256';
  /** base64url */
  salt: string;
  /** base64url */
  hash: string;
}

export const SALT_BYTES = 16;

function digest(secret: string, salt: Buffer, pepper: string | undefined): Buffer {
  const hash = pepper ? createHmac('sha256', pepper) : createHash('sha256');
  return hash.update(salt).update(secret, 'utf8').digest();
}

export function hashSecret(secret: string, salt: Uint8Array, pepper?: string): SecretHash {
  return {
    alg: pepper ? 'hmac-sha256' : 'sha256',
    salt: Buffer.from(salt).toString('base64url'),
    hash: digest(secret, Buffer.from(salt), pepper).toString('base64url'),
  };
}

/** Constant-time: the comparison looks at every byte whatever the first difference. */
export function verifySecret(secret: string, stored: SecretHash, pepper?: string): boolean {
  if (stored.alg === 'hmac-sha256' && !pepper) return false;
  const expected = Buffer.from(stored.hash, 'base64url');
  const actual = digest(secret, Buffer.from(stored.salt, 'base64url'), stored.alg === 'hmac-sha256' ? pepper : undefined);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
