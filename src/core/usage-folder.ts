import { countsAsRequest, type AuditRecord } from './audit';
import type { Folder } from './fold';
import { POLICY_BOUNDS } from './policy';
import type { TokenUsage } from './token';

/**
 * The folded total of one token's requests, refused ones included: every gateway event filed under it
 * (not its rotations, nor the copies of a several-space read filed under its other spaces). The token lists read these cells, 24 to a batch with the fold state; anything
 * else a list shows per token (a sparkline's daily counts) belongs in the same cell, or the lists pay
 * another request per page.
 */
export const usageCell = (tokenId: string) => `usage-total:${tokenId}`;

/**
 * Kept from its last change for as long as any token can live (the policy's longest lifetime, plus the
 * 30 days a dead token stays listed), so a total never vanishes before its token does, and is dropped
 * with it otherwise.
 */
const USAGE_TTL_DAYS = POLICY_BOUNDS.maxLifetimeDays[1] + 30;

export const usageFolder: Folder<TokenUsage> = {
  cellsOf: (event: AuditRecord) => (countsAsRequest(event) ? [usageCell(event.tokenId)] : []),
  add: (_cell, current, events) => ({
    count: (current?.count ?? 0) + events.length,
    lastUsedAt: Math.max(current?.lastUsedAt ?? 0, ...events.map((event) => event.at)),
  }),
  ttlDays: USAGE_TTL_DAYS,
};
