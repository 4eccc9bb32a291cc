import type { EmulatedApp } from '../../emulator/app';
import { CHECKSUM_KEY } from '../../src/adapters/kvs/schema';
import { formatToken, type ParsedToken } from '../../src/core/token-format';

/** The installation's checksum key, read from the emulated secret store (it exists once a token was issued). */
export function checksumKeyOf(app: EmulatedApp): Uint8Array {
  const item = app.kvs.dump().find((stored) => stored.store === 'secret' && stored.key === CHECKSUM_KEY);
  if (typeof item?.value !== 'string') throw new Error('No checksum key yet: issue a token first');
  return Buffer.from(item.value, 'base64url');
}

/** A token with a valid checksum for this installation, as only someone holding its key could make. */
export function tokenWithValidChecksum(app: EmulatedApp, parts: ParsedToken): string {
  return formatToken(parts, checksumKeyOf(app));
}
