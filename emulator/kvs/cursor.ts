import { createHash } from 'node:crypto';
import { KvsError, KvsErrorCode } from './errors';
import { isRecord } from './validation';

/** Where a page ended: the sort position of its last item, bound to the query that produced it. */
export interface CursorPosition {
  /** Identifies the query (store, entity, index, order) the cursor belongs to. */
  scope: string;
  range?: unknown;
  key: string;
}

/** Cursors are opaque to the app; this one is base64url JSON, which the app must not rely on. */
export function encodeCursor(position: CursorPosition): string {
  const wire = { ...position, scope: fingerprint(position.scope) };
  return Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
}

function fingerprint(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 16);
}

export function decodeCursor(cursor: unknown, scope: string): CursorPosition | undefined {
  if (cursor === undefined) return undefined;
  let position: unknown;
  try {
    position = typeof cursor === 'string' ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    position = undefined;
  }
  if (!isRecord(position) || position.scope !== fingerprint(scope) || typeof position.key !== 'string') {
    throw new KvsError(KvsErrorCode.INVALID_CURSOR, 'The cursor is not valid for this query');
  }
  return { scope, range: position.range, key: position.key };
}
