import { getAppContext } from '@forge/api';
import { kvs } from '@forge/kvs';
import type { ChecksumKey } from '../../core/token-format';
import type { RandomBytes } from '../../core/clock';
import { CHECKSUM_KEY } from './schema';

const KEY_BYTES = 32;

/**
 * One promise per installation, for the life of the function instance: after its first request an
 * instance checks checksums with no storage access at all. Keyed by installation because a warm
 * instance may serve more than one; a failed load is dropped so the next request tries again.
 */
const loaded = new Map<string, Promise<ChecksumKey>>();

export function installationChecksumKey(randomBytes: RandomBytes): () => Promise<ChecksumKey> {
  return () => {
    const installation = getAppContext().installationAri.toString();
    let key = loaded.get(installation);
    if (!key) {
      key = loadOrCreate(randomBytes);
      loaded.set(installation, key);
      key.catch(() => loaded.delete(installation));
    }
    return key;
  };
}

/**
 * Created on first use, race-free: every creator writes with FAIL_IF_EXISTS, so exactly one value is
 * ever stored, and a creator that lost the race reads the winner's.
 */
async function loadOrCreate(randomBytes: RandomBytes): Promise<ChecksumKey> {
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
}
