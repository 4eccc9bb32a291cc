import type { AuditPage, AuditQuery } from '../contract/resolvers';
import { toAuditEvent } from '../core/audit';
import { AppError } from '../core/errors';
import { asRecord } from '../core/input';
import { isOperation } from '../core/operations';
import type { AuditFilter, AuditIndex } from '../ports/audit-log';
import { requireSpaceAdmin } from './admin-access';
import type { Actor, Deps } from './deps';
import { findToken } from './own-tokens';
import { sightPages } from './page-sightings';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
const OUTCOMES = ['ok', 'denied', 'failed', 'unconfirmed'];

function parseFilter(query: AuditQuery): AuditFilter {
  const { operation, outcome } = query;
  if (operation !== undefined && operation !== 'self' && operation !== 'rotate' && !isOperation(operation)) {
    throw new AppError('VALIDATION_FAILED', 'operation must be read, create, update, delete, self or rotate.');
  }
  if (outcome !== undefined && !OUTCOMES.includes(outcome)) {
    throw new AppError('VALIDATION_FAILED', 'outcome must be ok, denied, failed or unconfirmed.');
  }
  return { operation, outcome };
}

function parseLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_LIMIT) {
    throw new AppError('VALIDATION_FAILED', `limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  }
  return limit as number;
}

/**
 * Newest first. A space's events for its admins (and site admins); one token's events for its owner
 * (and site admins); otherwise the caller's own tokens' events. With the pages they name, as the caller sees them.
 */
export async function listAudit(deps: Deps, actor: Actor, input: unknown): Promise<AuditPage> {
  const query = asRecord(input) as AuditQuery;
  const filter = parseFilter(query);
  const limit = parseLimit(query.limit);
  let index: AuditIndex;
  if (query.spaceKey !== undefined) {
    const { space } = await requireSpaceAdmin(actor, query.spaceKey);
    if (!space) throw new AppError('NOT_FOUND', `No space ${query.spaceKey}.`);
    index = { by: 'space', spaceId: space.id };
    if (query.tokenId !== undefined) filter.tokenId = String(query.tokenId);
  } else if (query.tokenId !== undefined) {
    const isSiteAdmin = await actor.confluence.isSiteAdmin();
    const token = await findToken(deps, query.tokenId, (candidate) => isSiteAdmin || candidate.ownerAccountId === actor.accountId);
    index = { by: 'token', tokenId: token.id };
  } else {
    index = { by: 'owner', ownerAccountId: actor.accountId };
  }
  const cursor = typeof query.cursor === 'string' ? query.cursor : undefined;
  const page = await deps.audit.list(index, filter, cursor, limit);
  return { items: page.items.map(toAuditEvent), cursor: page.cursor, pages: await sightPages(actor, page.items) };
}
