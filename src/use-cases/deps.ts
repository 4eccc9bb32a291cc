import type { Clock, RandomBytes } from '../core/clock';
import type { GatewayMemory } from '../core/gateway-memory';
import type { ChecksumKey } from '../core/token-format';
import type { ActivityCounts } from '../ports/activity';
import type { AuditLog } from '../ports/audit-log';
import type { UsageTotals } from '../ports/fold-store';
import type { ActAsOwner, UserConfluence } from '../ports/confluence';
import type { PolicyStore, TokenStore } from '../ports/token-store';
import type { SpaceKeyCache } from './gateway/space-keys';
import type { UserDirectory } from './gateway/user-directory';

export interface Deps {
  tokens: TokenStore;
  policy: PolicyStore;
  audit: AuditLog;
  /** Request counts folded by the background job (src/use-cases/fold-events.ts). */
  usage: UsageTotals;
  /** Requests per day, folded by the same job, for the activity charts. */
  activity: ActivityCounts;
  clock: Clock;
  randomBytes: RandomBytes;
  /** From a Forge encrypted variable; when set, secrets are hashed with HMAC keyed by it. */
  pepper: string | undefined;
  /** The installation's token checksum key; cached per function instance, so usually no storage access. */
  checksumKey: () => Promise<ChecksumKey>;
}

export interface GatewayDeps extends Deps {
  actAsOwner: ActAsOwner;
  /** The gateway's public URL (the web trigger's, no trailing slash), for links in its answers; cached per instance. */
  gatewayUrl: () => Promise<string>;
  /** The site's Confluence base (`https://site/wiki`), told by Confluence, for people links; cached per instance. */
  siteBase: () => Promise<string>;
  /** What this function instance remembers for this installation: request buckets, refused credentials, the policy. */
  memory: () => GatewayMemory;
  /** People named in v1 answers, remembered for a few minutes in this function instance's memory. */
  users: () => UserDirectory;
  /** How long after a request starts its Confluence calls must have ended (CONFLUENCE_BUDGET_MS). */
  confluenceBudgetMs: number;
  /** This installation's space keys as last resolved from ids (at most 5 minutes old), in this function instance's memory. */
  spaceKeys: () => SpaceKeyCache;
}

/** The signed-in user of a resolver call: the account id comes from Forge's trusted context only. */
export interface Actor {
  accountId: string;
  confluence: UserConfluence;
}
