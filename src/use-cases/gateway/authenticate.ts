import { AppError } from '../../core/errors';
import { POLICY_FRESH_MS, secretFingerprint, UNKNOWN_ID_MS, type GatewayMemory, type RememberedRefusal, type RefusedToken } from '../../core/gateway-memory';
import type { Policy } from '../../core/policy';
import { narrowedByPolicy } from '../../core/scope';
import { verifySecret, type SecretHash } from '../../core/secret-hash';
import { previousSecretValidUntil, tokenStatus, type TokenRecord } from '../../core/token';
import { parseToken, tokenParts } from '../../core/token-format';
import { tokenFromAuthorization, wrongCredentialHint } from '../../core/credentials';
import type { GatewayDeps } from '../deps';

const OPAQUE = 'The token is missing, malformed, unknown, expired or revoked.';

/**
 * One opaque failure for every reason about our tokens, so a caller learns nothing about which exist;
 * only a credential that is plainly something else (judged from its text alone) gets a hint.
 */
const invalidToken = (credential?: string) => new AppError('INVALID_TOKEN', wrongCredentialHint(credential) ?? OPAQUE);

/** The same opaque 401, carrying the stored token it concerns so the gateway can audit it (at most once a minute per token). */
export class RefusedCredential extends AppError {
  constructor(readonly refusal: RememberedRefusal) {
    super('INVALID_TOKEN', OPAQUE);
  }

  /** The token to audit this refusal under, when it is due. */
  get audited(): RefusedToken | null {
    return this.refusal.audit ? this.refusal.token : null;
  }
}

export const gatewayDisabled = () => new AppError('GATEWAY_DISABLED', 'A site admin has switched the gateway off.', { retryAfterSeconds: 300 });

const overLimit = (wait: number, whose: string) =>
  new AppError('RATE_LIMITED', `${whose} over its request limit; try again in ${wait} s.`, { retryAfterSeconds: wait });

/** Which of the token's secrets the caller presented: the previous one only works during a rotation's grace period. */
export type Credential = 'current' | 'previous';

export interface Authenticated {
  /** As stored: what a change to the token itself (rotation) starts from. */
  token: TokenRecord;
  /** As it may act now: narrowed by the site policy (operations, lifetime). */
  effective: TokenRecord;
  policy: Policy;
  credential: Credential;
  /** The hash of the secret presented, so a self-rotation can tell whether it is still the current one. */
  presented: SecretHash;
}

/**
 * Everything that can be decided without storage is decided first, from the text and from what this
 * function instance remembers: malformed tokens, bad checksums and other installations' tokens; the kill
 * switch (policy read ≤ POLICY_FRESH_MS ago); ids already found unknown, revoked or expired, and secrets
 * already found wrong (401); a token or owner over its request limit (429). A token that gets past them
 * costs exactly one storage read (the token and the policy together; concurrent requests with one id
 * share it), and acts as the policy narrows it now.
 */
export async function authenticate(deps: GatewayDeps, authorization: string | undefined): Promise<Authenticated> {
  const text = tokenFromAuthorization(authorization);
  if (text === undefined || !tokenParts(text)) throw invalidToken(text);
  const parsed = parseToken(text, await deps.checksumKey());
  if (!parsed) throw invalidToken(text);
  const memory = deps.memory();
  const now = deps.clock();
  if (memory.freshPolicy(now)?.gatewayEnabled === false) throw gatewayDisabled();

  const fingerprint = secretFingerprint(parsed.secret);
  const known = memory.refusal(parsed.id, fingerprint, now);
  if (known?.secretFailed) {
    // A wrong secret spends its own bucket, never the right secret's allowance.
    const wait = memory.tokenRequests.take(`${parsed.id}/failed`, now);
    if (wait !== undefined) throw overLimit(wait, 'This secret is');
  }
  if (known) throw new RefusedCredential(known);
  takeAllowance(memory, parsed.id, memory.ownerOf(parsed.id), now);

  const { token, policy } = await memory.readOnce(parsed.id, () => deps.tokens.getWithPolicy(parsed.id));
  memory.rememberPolicy(policy, now);
  if (!token) throw new RefusedCredential(memory.refuseId(parsed.id, null, now + UNKNOWN_ID_MS, now));
  const owner = { id: token.id, ownerAccountId: token.ownerAccountId };
  if (memory.ownerOf(token.id) === undefined) {
    memory.rememberOwner(token.id, token.ownerAccountId);
    const wait = memory.ownerRequests.take(token.ownerAccountId, now);
    if (wait !== undefined) {
      memory.tokenRequests.give(token.id, now);
      throw overLimit(wait, "This token's owner is");
    }
  }
  const effective = narrowedByPolicy(token, policy);
  if (tokenStatus(effective, now) !== 'active') throw new RefusedCredential(memory.refuseId(token.id, owner, refusedUntil(token, now), now));
  if (verifySecret(parsed.secret, token.secretHash, deps.pepper)) {
    return { token, effective, policy, credential: 'current', presented: token.secretHash };
  }
  // The previous secret's grace ends at its own limit, or sooner when the policy now allows less grace.
  const previous = token.previousSecret;
  const until = previousSecretValidUntil(token, policy.maxGraceHours);
  if (previous && until !== null && now < until && verifySecret(parsed.secret, previous.secretHash, deps.pepper)) {
    return { token, effective, policy, credential: 'previous', presented: previous.secretHash };
  }
  // Not the right secret's request after all: its allowance is given back and the failure counted apart.
  memory.tokenRequests.give(token.id, now);
  memory.ownerRequests.give(token.ownerAccountId, now);
  memory.tokenRequests.take(`${token.id}/failed`, now);
  throw new RefusedCredential(memory.refuseSecret(token.id, fingerprint, owner, now + UNKNOWN_ID_MS, now));
}

/** The token's own allowance, then its owner's over all their tokens (when this instance knows the owner), before any read. */
function takeAllowance(memory: GatewayMemory, id: string, owner: string | undefined, now: number): void {
  const wait = memory.tokenRequests.take(id, now);
  if (wait !== undefined) throw overLimit(wait, 'This token is');
  if (owner === undefined) return;
  const ownerWait = memory.ownerRequests.take(owner, now);
  if (ownerWait === undefined) return;
  memory.tokenRequests.give(id, now);
  throw overLimit(ownerWait, "This token's owner is");
}

/**
 * How long a token that cannot work is remembered: a revocation is final, so until the token's own
 * expiry (and no less than an unknown id); an expiry by the token's own date is final too; an expiry the
 * policy decides only as long as the policy read is trusted (widening the policy gives the token back).
 */
function refusedUntil(token: TokenRecord, now: number): number {
  if (token.revokedAt !== null) return Math.max(token.expiresAt, now + UNKNOWN_ID_MS);
  return now >= token.expiresAt ? now + UNKNOWN_ID_MS : now + POLICY_FRESH_MS;
}
