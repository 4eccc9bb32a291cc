import type { TokenInfo, UncountedRequests, UsageFreshness } from '../contract/resolvers';
import { iso } from '../core/clock';
import { AppError } from '../core/errors';
import { nameCuts, NO_USAGE, revoked, toTokenInfo, tokenStatus, type TokenRecord } from '../core/token';
import { isTokenId } from '../core/token-format';
import { releasing } from '../core/token-quota';
import { USAGE_READ_LIMIT } from '../ports/fold-store';
import type { QuotaChange } from '../ports/token-store';
import type { Actor, Deps } from './deps';
import { uncountedSince } from './uncounted';

/** Tokens as the UI shows them, with their folded use counts: one storage request for up to USAGE_READ_LIMIT tokens. */
export async function withUsage(deps: Deps, tokens: TokenRecord[]): Promise<{ infos: TokenInfo[]; asOf: number | null }> {
  const { usage, asOf } = await deps.usage.read(tokens.map((token) => token.id));
  const now = deps.clock();
  return { infos: tokens.map((token) => toTokenInfo(token, usage.get(token.id) ?? NO_USAGE, now)), asOf };
}

export const freshness = (asOf: number | null): UsageFreshness => ({ usageAsOf: asOf === null ? null : iso(asOf) });

/**
 * All of the caller's tokens, a page of USAGE_READ_LIMIT at a time: each page costs one index query and
 * one batch read, however busy its tokens are. The policy bounds how many tokens an owner has.
 */
export async function listOwnTokens(deps: Deps, actor: Actor): Promise<{ tokens: TokenInfo[]; uncounted: UncountedRequests } & UsageFreshness> {
  const { accountId } = actor;
  const tokens: TokenInfo[] = [];
  let asOf: number | null = null;
  let cursor: string | undefined;
  do {
    const page = await deps.tokens.pageByOwner(accountId, cursor, USAGE_READ_LIMIT);
    if (page.items.length > 0) {
      const { infos, asOf: pageAsOf } = await withUsage(deps, page.items);
      tokens.push(...infos);
      // Pages read a moment apart: claim only what holds for all of them.
      asOf = asOf === null ? pageAsOf : pageAsOf === null ? asOf : Math.min(asOf, pageAsOf);
    }
    cursor = page.cursor ?? undefined;
  } while (cursor);
  // Plus one audit query: what the fold has not counted yet, so a token used a minute ago is not "Never".
  const uncounted = await uncountedSince(deps.audit, { by: 'owner', ownerAccountId: accountId }, asOf);
  return { tokens: await withCutsNamed(actor, tokens), uncounted, ...freshness(asOf) };
}

/**
 * The admins who cut these tokens, by display name as the viewer finds them: one Confluence call, made
 * only when an admin has cut one of them (so the owner learns who revoked a token and in which space).
 */
export async function withCutsNamed<T extends Pick<TokenInfo, 'adminCuts'>>(actor: Actor, infos: T[]): Promise<T[]> {
  const admins = [...new Set(infos.flatMap((info) => info.adminCuts.map((cut) => cut.by.accountId)))];
  if (admins.length === 0) return infos;
  const names = await actor.confluence.displayNames(admins);
  return infos.map((info) => nameCuts(info, names));
}

/** Loads a token by an id from the browser; anything not found is the same NOT_FOUND, owned or not. */
export async function findToken(deps: Deps, id: unknown, visible: (token: TokenRecord) => boolean): Promise<TokenRecord> {
  const token = isTokenId(id) ? await deps.tokens.get(id) : undefined;
  if (!token || !visible(token)) throw new AppError('NOT_FOUND', 'No such token.');
  return token;
}

const UPDATE_ATTEMPTS = 3;

/**
 * Applies a change to the latest stored version of a token. The write is conditional on the version it
 * was computed from, so two admins changing one token at once cannot undo each other's change.
 */
export async function changeToken(deps: Deps, token: TokenRecord, change: (token: TokenRecord) => TokenRecord): Promise<TokenRecord> {
  let current = token;
  for (let attempt = 1; ; attempt++) {
    const next = change(current);
    if (next === current) return current;
    try {
      await deps.tokens.replace(current, next, await quotaRelease(deps, current, next));
      return next;
    } catch (error) {
      const latest = await deps.tokens.get(token.id);
      if (!(error instanceof AppError && error.code === 'CONFLICT') || !latest || attempt === UPDATE_ATTEMPTS) throw error;
      current = latest;
    }
  }
}

/** A token revoked by this change no longer counts against its owner's limit: the same transaction gives its place back. */
async function quotaRelease(deps: Deps, current: TokenRecord, next: TokenRecord): Promise<QuotaChange | undefined> {
  if (current.revokedAt !== null || next.revokedAt === null) return undefined;
  const previous = await deps.tokens.quota(current.ownerAccountId);
  const released = releasing(previous, current.id, deps.clock());
  return released && { ownerAccountId: current.ownerAccountId, previous, next: released };
}

/** Revoking is idempotent: an already revoked token stays revoked at its first revocation time. */
export function revokeToken(deps: Deps, token: TokenRecord): Promise<TokenRecord> {
  return changeToken(deps, token, (current) => (current.revokedAt === null ? revoked(current, deps.clock()) : current));
}

export async function revokeOwnToken(deps: Deps, actor: Actor, id: unknown): Promise<TokenInfo> {
  const token = await findToken(deps, id, (candidate) => candidate.ownerAccountId === actor.accountId);
  const { infos } = await withUsage(deps, [await revokeToken(deps, token)]);
  return (await withCutsNamed(actor, infos))[0];
}

/** One at a time: each revocation also rewrites the owner's quota record, conditionally on the one before. */
export async function revokeAllOwnTokens(deps: Deps, accountId: string): Promise<number> {
  const now = deps.clock();
  const live = (await deps.tokens.listByOwner(accountId)).filter((token) => tokenStatus(token, now) === 'active');
  for (const token of live) await revokeToken(deps, token);
  return live.length;
}
