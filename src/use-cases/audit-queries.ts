import type { AuditPage, AuditQuery, AuditTokenName } from '../contract/resolvers';
import { toAuditEvent, type AuditRecord } from '../core/audit';
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
 * The label and owner of each token that `events` (of one space's log) name, for that space's admins.
 * An event is filed under a space only when the token aimed at it and its owner can see the space (the
 * gateway's out-of-scope rule), so its label and owner are fair for that space's admin to see, even when
 * the token was never granted the space: they need them to act on a refusal. Nothing else of the token
 * (its spaces, operations, other events) is told. Up to 4 batch reads and one Confluence call per page.
 */
async function tokenNames(deps: Deps, actor: Actor, events: readonly AuditRecord[]): Promise<Record<string, AuditTokenName>> {
  const owners = new Map(events.map((event) => [event.tokenId, event.ownerAccountId]));
  if (owners.size === 0) return {};
  const [records, names] = await Promise.all([deps.tokens.getMany([...owners.keys()]), actor.confluence.displayNames([...new Set(owners.values())])]);
  const labels = new Map(records.map((record) => [record.id, record.label]));
  return Object.fromEntries(
    [...owners].map(([id, owner]) => [id, { label: labels.get(id) ?? null, owner: { accountId: owner, displayName: names.get(owner) ?? owner } }]),
  );
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
  const [pages, tokens] = await Promise.all([sightPages(actor, page.items), index.by === 'space' ? tokenNames(deps, actor, page.items) : undefined]);
  return { items: page.items.map(toAuditEvent), cursor: page.cursor, pages, ...(tokens && { tokens }) };
}
