/** The Confluence Cloud stand-in: see README.md beside this file. */
export { ConfluenceStandIn, MAX_BODY_BYTES, type ConfluenceStandInOptions } from './standin';
export { SEED, APP_ACCOUNT_ID, seedState } from './seed';
export { StandInNetworkError, type Fault } from './faults';
export { SPEC_QUIRKS } from './openapi-quirks';
export { ConfluenceSpec, CONTRACT_FILE, SpecViolationError, describeViolation, type SpecViolation, type MatchedOperation } from './openapi';
export type { ConfluenceState, SpaceOperation, StoredPage, StoredSpace, StoredUser } from './model';
