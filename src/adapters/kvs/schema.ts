/** Entity and index names; manifest.yml declares the same (a test keeps the two in step). */
export const TOKEN_ENTITY = 'token';
export const GRANT_ENTITY = 'token-grant';
export const AUDIT_ENTITY = 'audit-event';
export const FOLD_STATE_ENTITY = 'fold-state';
export const QUOTA_ENTITY = 'token-quota';

export const TOKEN_BY_OWNER = 'by-owner';
export const TOKEN_BY_CREATED = 'by-created';
export const GRANT_BY_SPACE = 'by-space';
export const AUDIT_BY_TOKEN = 'by-token';
export const AUDIT_BY_SPACE = 'by-space';
export const AUDIT_BY_OWNER = 'by-owner';
export const AUDIT_BY_TIME = 'by-time';
/** Every account the app holds data about (its quota record), by when that data last changed: what the privacy job reports. */
export const QUOTA_BY_UPDATED = 'by-updated';

export const POLICY_KEY = 'policy';
/** In Forge's encrypted secret store (kvs.setSecret), never in plain storage. */
export const CHECKSUM_KEY = 'token-checksum-key';
/** The one fold-state item: how far the background job has folded the audit events. */
export const FOLD_STATE_KEY = 'audit-events';
/** The personal data reporting job's state: when the next cycle is due, where a cycle stands, erasures pending. */
export const PRIVACY_STATE_KEY = 'privacy-report';

/** Expired tokens stay visible this long after they expire, then storage drops them. */
export const EXPIRED_TOKEN_GRACE_DAYS = 30;
/**
 * Revoked tokens stay visible this long after their revocation (or until the expired grace, if sooner),
 * then storage drops them and their grants; their audit events stay for the policy's retention. A
 * short tail keeps create/revoke cycles from growing storage.
 */
export const REVOKED_TOKEN_TAIL_DAYS = 7;
