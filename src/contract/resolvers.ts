/**
 * The resolver contract shared by the backend (makeResolver) and the Custom UI (makeInvoke).
 * Types only: importing this file adds nothing to either bundle.
 */

export const OPERATIONS = ['read', 'create', 'update', 'delete'] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface SpaceRef {
  key: string;
  id: string;
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

export interface TokenInfo {
  id: string;
  label: string;
  /** Non-secret tail of the token, for recognising it, e.g. "sst_…a1B2". */
  hint: string;
  status: TokenStatus;
  ownerAccountId: string;
  spaces: SpaceRef[];
  operations: Operation[];
  /** ISO 8601 instants. */
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  usageCount: number;
  /** After a rotation with a grace period: when the previous secret stops working; null when none does. */
  previousSecretValidUntil: string | null;
  /** Client addresses the token may be used from (addresses and CIDR ranges); empty: from anywhere. */
  allowedIps: string[];
  /** Roots of the page trees the token is limited to; empty: its whole spaces. */
  pageIds: string[];
  /** The same roots with their titles as they were when the token was created, for display. */
  pages: PageRef[];
  /** Active and expiring within EXPIRY_NOTICE_DAYS: owners and space admins are told. */
  expiresSoon: boolean;
  /** What admins did to the token, oldest first: removed a space from it, or revoked it. */
  adminCuts: AdminCutInfo[];
}

/** An admin's cut to a token that is not theirs, as its owner (and admins) are told of it. */
export interface AdminCutInfo {
  by: UserRef;
  at: string;
  /** The space whose admin removed it from the token; null when a site admin revoked the whole token. */
  spaceKey: string | null;
  /** This cut revoked the token (a space admin's, when it took the token's last space or page tree). */
  revoked: boolean;
}

/** A page a token is limited to (with everything under it). */
export interface PageRef {
  id: string;
  title: string;
  spaceKey: string;
}

export interface UserRef {
  accountId: string;
  displayName: string;
}

/** A token as a space admin or site admin sees it: no hint, but who owns it. */
export interface ManagedTokenInfo extends Omit<TokenInfo, 'hint'> {
  owner: UserRef;
}

/**
 * A token as an admin of one space sees it in that space's view: only what concerns their space. Its other
 * spaces are a count, its page trees only those in this space, titled as the admin finds them.
 */
export interface SpaceTokenInfo extends Omit<ManagedTokenInfo, 'spaces' | 'pages' | 'pageIds' | 'adminCuts'> {
  /** This space while the token reaches it; empty once its access was revoked. */
  spaces: SpaceRef[];
  /** How many other spaces the token reaches ("and 2 other spaces"). */
  otherSpaces: number;
  /** Roots of the token's page trees in this space. */
  pageIds: string[];
  /** The same roots, titled as the viewing admin finds them in Confluence (null: hidden from them, or gone). */
  pages: SpacePageRef[];
  /** The token is limited to page trees, none of them in this space (so it reaches no page here). */
  treesElsewhereOnly: boolean;
  /** Cuts made in this space, and site admins' revocations. */
  adminCuts: AdminCutInfo[];
}

export interface SpacePageRef {
  id: string;
  title: string | null;
}

/** `unconfirmed`: a change was recorded before Confluence was asked to make it, and its result was not. */
export type AuditOutcome = 'ok' | 'denied' | 'failed' | 'unconfirmed';

export interface AuditEvent {
  id: string;
  at: string;
  tokenId: string;
  ownerAccountId: string;
  /** The space the request aimed at, when known; the key only when the token reaches that space. */
  spaceId: string | null;
  spaceKey: string | null;
  /** `self` for /self, `rotate` for a rotation (gateway or UI); null when the route was unknown. */
  operation: Operation | 'self' | 'rotate' | null;
  method: string;
  pageId: string | null;
  status: number;
  outcome: AuditOutcome;
  /** Stable error code when the outcome is not ok. */
  code: string | null;
  clientIp: string | null;
  userAgent: string | null;
  /**
   * A read answered with pages of several spaces is filed under each of them: this event is the copy
   * filed under one more space, and names the request's own event. Copies count in space logs and
   * charts, never as another use of the token. Absent on every other event.
   */
  repeatOf?: string | null;
}

/**
 * A page an audit event names, as the viewing user finds it in Confluence: by title with a link, deleted
 * (in the trash, or gone after a token deleted it), or restricted (hidden from them, or never there).
 */
export type PageSighting =
  | { state: 'visible'; title: string; url: string }
  | { state: 'deleted'; title: string | null }
  | { state: 'restricted' };

/** A page of audit events with the pages they name. */
export interface AuditPage extends Page<AuditEvent> {
  /** By page id; null when Confluence could not be asked, so only ids can be shown. */
  pages: Record<string, PageSighting> | null;
  /**
   * In a space's log, by token id: the label and owner of every token the events name, refused ones
   * included (its record's label; null once the record is gone). Absent from other logs.
   */
  tokens?: Record<string, AuditTokenName>;
}

/** A token as a space's log names it: who may act on a refusal needs to know whose token it is. */
export interface AuditTokenName {
  label: string | null;
  owner: UserRef;
}

/** Requests on one UTC day (`YYYY-MM-DD`), by outcome. */
export interface DayActivity {
  date: string;
  ok: number;
  denied: number;
  failed: number;
  unconfirmed: number;
}

/**
 * The last 30 UTC days of requests, oldest first and ending today, folded from the audit log in the
 * background: every request before `asOf` (ISO 8601) is counted, none after it; null before the first fold.
 */
export interface Activity {
  days: DayActivity[];
  asOf: string | null;
  uncounted: UncountedRequests;
}

/**
 * Requests after the fold's position (`asOf`), which counts and charts do not include yet: for an "N
 * requests not counted yet" hint. Counted from one page of the audit log: `more` when there are more.
 */
export interface UncountedRequests {
  count: number;
  more: boolean;
  byToken: Record<string, number>;
}

export interface Policy {
  maxLifetimeDays: number;
  maxTokensPerUser: number;
  allowedOperations: Operation[];
  gatewayEnabled: boolean;
  auditRetentionDays: number;
  /** Every new or rotated token must have an IP allowlist, and tokens without one are refused at use. */
  requireIpAllowlist: boolean;
  /** The longest grace period a rotation may give the previous secret, 0 to 168 hours. */
  maxGraceHours: number;
  /** Gateway requests one token may make per minute (bursts up to it, then refills at that rate). */
  maxRequestsPerMinute: number;
  /** Gateway requests all of one owner's tokens together may make per minute, so one user cannot spend the installation's budget. */
  maxRequestsPerOwnerPerMinute: number;
  /** Tokens one user may create in any 24 hours (revoked ones count too), so create/revoke cycles stay bounded. */
  maxTokenCreationsPerDay: number;
}

export interface VisibleSpace extends SpaceRef {
  name: string;
}

export interface Viewer {
  accountId: string;
  isSiteAdmin: boolean;
}

export interface ResolverError {
  error: { code: string; message: string; details?: unknown };
}

export type Result<T> = T | ResolverError;

export interface CreateTokenInput {
  label: string;
  spaceKeys: string[];
  operations: Operation[];
  expiresInDays: number;
  /** IPv4 or IPv6 addresses or CIDR ranges, at most 20. */
  allowedIps?: string[];
  /** Pages the token is limited to, with their descendants; at most 10, each in one of `spaceKeys`. */
  pageIds?: string[];
}

export interface RotateTokenInput {
  id: string;
  /** 0 to 168 (and at most the policy's maxGraceHours): how long the previous secret keeps working. */
  graceHours: number;
}

export interface SearchPagesInput {
  spaceKeys: string[];
  /** Part of a title; empty lists the first pages of those spaces. */
  query: string;
}

export interface AuditQuery {
  spaceKey?: string;
  tokenId?: string;
  operation?: Operation | 'self' | 'rotate';
  outcome?: AuditOutcome;
  cursor?: string;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/**
 * Use counts are folded from the audit log in the background: every request before `usageAsOf` (ISO
 * 8601) is counted, none after it; null until the first fold has run.
 */
export interface UsageFreshness {
  usageAsOf: string | null;
}

export type ResolverDefinitions = {
  getViewer: () => Result<Viewer>;
  listMySpaces: () => Result<{ spaces: VisibleSpace[] }>;
  createToken: (input: CreateTokenInput) => Result<{ token: string; info: TokenInfo }>;
  listTokens: () => Result<{ tokens: TokenInfo[]; uncounted: UncountedRequests } & UsageFreshness>;
  revokeToken: (input: { id: string }) => Result<{ token: TokenInfo }>;
  rotateToken: (input: RotateTokenInput) => Result<{ token: string; info: TokenInfo }>;
  searchPages: (input: SearchPagesInput) => Result<{ pages: PageRef[] }>;
  revokeAllTokens: () => Result<{ revoked: number }>;
  getGatewayInfo: () => Result<{ url: string }>;
  listSpaceTokens: (input: { spaceKey: string; cursor?: string }) => Result<{ tokens: SpaceTokenInfo[]; cursor: string | null } & UsageFreshness>;
  revokeSpaceAccess: (input: { spaceKey: string; tokenId: string }) => Result<{ token: SpaceTokenInfo }>;
  getSpaceActivity: (input: { spaceKey: string; tokenId?: string }) => Result<Activity>;
  listTokenActivity: (input: { tokenIds: string[] }) => Result<{ activity: Record<string, DayActivity[]>; asOf: string | null }>;
  listAudit: (input: AuditQuery) => Result<AuditPage>;
  getPolicy: () => Result<{ policy: Policy }>;
  setPolicy: (input: Policy) => Result<{ policy: Policy }>;
  listAllTokens: (input: { cursor?: string }) => Result<Page<ManagedTokenInfo> & UsageFreshness>;
  adminRevokeToken: (input: { id: string }) => Result<{ token: ManagedTokenInfo }>;
  getImpersonationStatus: () => Result<ImpersonationStatus>;
};

/** A gateway request as the policy page reports it: when, with which token, for whom, and what it answered. */
export interface ImpersonationEvent {
  at: string;
  tokenId: string;
  owner: { accountId: string; displayName: string };
  status: number;
}

/**
 * Whether Forge acts as tokens' owners on this site, from the audit log: the newest request Confluence
 * answered as a token's owner (a page or space route that succeeded), and the newest that Forge refused
 * to impersonate for (`IMPERSONATION_REFUSED`), each looked for among the newest `searchedEvents` events.
 */
export interface ImpersonationStatus {
  lastSuccess: ImpersonationEvent | null;
  lastRefusal: ImpersonationEvent | null;
  searchedEvents: number;
}

export function isResolverError(value: unknown): value is ResolverError {
  return typeof value === 'object' && value !== null && 'error' in value;
}
