import { createHash } from 'node:crypto';
import { DEFAULT_POLICY, type Policy } from './policy';
import { RequestLimiter } from './rate-limit';
import { RecentMap } from './recent-map';

/** An id no token has is remembered this long (a fresh random id is never minted twice, but storage could have been slow to show it). */
export const UNKNOWN_ID_MS = 5 * 60_000;
/** The policy read with a token is trusted this long before the next read, kill switch included. */
export const POLICY_FRESH_MS = 60_000;
/** A refusal under a known token is audited at most this often per token and function instance. */
export const REFUSAL_AUDIT_INTERVAL_MS = 60_000;
/** Bounds each of the instance's maps, whatever the number of distinct ids a caller sends. */
const MAX_TRACKED = 10_000;

/** Whom a refusal is audited under: only a stored token's own id and owner, never the request's text. */
export interface RefusedToken {
  id: string;
  ownerAccountId: string;
}

interface Refusal {
  until: number;
  token: RefusedToken | null;
  auditedAt: number | null;
}

export interface RememberedRefusal {
  token: RefusedToken | null;
  /** The credential is a stored token's id with a secret that failed (not an unknown, revoked or expired id). */
  secretFailed: boolean;
  /** True at most once per REFUSAL_AUDIT_INTERVAL_MS per token: this refusal is to be audited. */
  audit: boolean;
}

/** A secret as a lookup key; the plaintext is not kept, even in memory. */
export const secretFingerprint = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('base64url');

/**
 * What one gateway function instance knows for one installation, so that credentials that cannot work
 * cost no storage after the first look: ids found unknown, revoked or expired, secrets found wrong, the
 * policy last read (with its kill switch), each token's owner, and the request buckets. It lives in
 * memory (Forge has no shared memory): every bound holds per warm instance.
 */
export class GatewayMemory {
  /** Per token: the right secret's allowance. A failed secret spends `${id}/failed`, its own bucket. */
  readonly tokenRequests = new RequestLimiter(DEFAULT_POLICY.maxRequestsPerMinute, MAX_TRACKED);
  /** Per owner, over all of the owner's tokens. */
  readonly ownerRequests = new RequestLimiter(DEFAULT_POLICY.maxRequestsPerOwnerPerMinute, MAX_TRACKED);
  private readonly refusals = new RecentMap<string, Refusal>(MAX_TRACKED);
  private readonly owners = new RecentMap<string, string>(MAX_TRACKED);
  private readonly reads = new Map<string, Promise<unknown>>();
  private policy: { value: Policy; readAt: number } | undefined;

  /** A refusal remembered for the id (any secret) or for this secret of it; undefined when storage must be asked. */
  refusal(id: string, fingerprint: string, now: number): RememberedRefusal | undefined {
    const byId = this.live(id, now);
    const bySecret = byId ? undefined : this.live(`${id}/${fingerprint}`, now);
    const found = byId ?? bySecret;
    if (!found) return undefined;
    return { token: found.token, secretFailed: bySecret !== undefined, audit: this.auditDue(found, now) };
  }

  /** The id cannot work with any secret until `until` (unknown: UNKNOWN_ID_MS; revoked: until its expiry). */
  refuseId(id: string, token: RefusedToken | null, until: number, now: number): RememberedRefusal {
    return this.remember(id, { until, token, auditedAt: null }, now, false);
  }

  /** This secret of a stored token failed; the token's other secrets are unaffected. */
  refuseSecret(id: string, fingerprint: string, token: RefusedToken, until: number, now: number): RememberedRefusal {
    return this.remember(`${id}/${fingerprint}`, { until, token, auditedAt: null }, now, true);
  }

  ownerOf(id: string): string | undefined {
    return this.owners.get(id);
  }

  rememberOwner(id: string, ownerAccountId: string): void {
    this.owners.set(id, ownerAccountId);
  }

  /** The policy as read at most POLICY_FRESH_MS ago, or undefined. */
  freshPolicy(now: number): Policy | undefined {
    return this.policy && now - this.policy.readAt < POLICY_FRESH_MS ? this.policy.value : undefined;
  }

  /** The policy last read, however long ago (the defaults before any): for what may be a little stale. */
  knownPolicy(): Policy {
    return this.policy?.value ?? DEFAULT_POLICY;
  }

  rememberPolicy(policy: Policy, now: number): void {
    this.policy = { value: policy, readAt: now };
    this.tokenRequests.configure(policy.maxRequestsPerMinute);
    this.ownerRequests.configure(policy.maxRequestsPerOwnerPerMinute);
  }

  /** Concurrent requests with one id share one storage read, so a burst costs what one request does. */
  readOnce<T>(id: string, read: () => Promise<T>): Promise<T> {
    const pending = this.reads.get(id) as Promise<T> | undefined;
    if (pending) return pending;
    const started = read().finally(() => this.reads.delete(id));
    this.reads.set(id, started);
    return started;
  }

  private remember(key: string, refusal: Refusal, now: number, secretFailed: boolean): RememberedRefusal {
    this.refusals.set(key, refusal);
    return { token: refusal.token, secretFailed, audit: this.auditDue(refusal, now) };
  }

  private live(key: string, now: number): Refusal | undefined {
    const refusal = this.refusals.get(key);
    if (refusal && refusal.until <= now) {
      this.refusals.delete(key);
      return undefined;
    }
    return refusal;
  }

  private auditDue(refusal: Refusal, now: number): boolean {
    if (!refusal.token || (refusal.auditedAt !== null && now - refusal.auditedAt < REFUSAL_AUDIT_INTERVAL_MS)) return false;
    refusal.auditedAt = now;
    return true;
  }
}
