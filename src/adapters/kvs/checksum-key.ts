import { kvs } from '@forge/kvs';
import type { ChecksumKey } from '../../core/token-format';
import type { RandomBytes } from '../../core/clock';
import { perInstallation } from '../installation';
import { storageFailure } from './storage-errors';
import { CHECKSUM_KEY } from './schema';

const KEY_BYTES = 32;

/**
 * One load per installation for the life of the function instance: after its first request an
 * instance checks checksums with no storage access at all. A failed load is forgotten, so the next
 * request tries again.
 */
export function installationChecksumKey(randomBytes: RandomBytes): () => Promise<ChecksumKey> {
  const slot = perInstallation<{ key?: Promise<ChecksumKey> }>(() => ({}));
  return () => {
    const cached = slot();
    if (!cached.key) {
      cached.key = loadOrCreate(randomBytes);
      cached.key.catch(() => (cached.key = undefined));
    }
    return cached.key;
  };
}

/**
 * Created on first use, race-free: every creator writes with FAIL_IF_EXISTS, so exactly one value is
 * ever stored, and a creator that lost the race reads the winner's.
 */
async function loadOrCreate(randomBytes: RandomBytes): Promise<ChecksumKey> {
  try {
    const stored = await kvs.getSecret<string>(CHECKSUM_KEY);
    if (stored) return Buffer.from(stored, 'base64url');
    const fresh = Buffer.from(randomBytes(KEY_BYTES)).toString('base64url');
    try {
      await kvs.setSecret(CHECKSUM_KEY, fresh, { keyPolicy: 'FAIL_IF_EXISTS' });
      return Buffer.from(fresh, 'base64url');
    } catch (error) {
      const winner = await kvs.getSecret<string>(CHECKSUM_KEY);
      if (!winner) throw error;
      return Buffer.from(winner, 'base64url');
    }
  } catch (error) {
    throw storageFailure(error);
  }
}
