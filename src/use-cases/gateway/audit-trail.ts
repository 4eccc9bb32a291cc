import { auditEventId, clientAddress, outcomeOf, truncateUserAgent, type AuditRecord } from '../../core/audit';
import { AppError, isAppError, type ErrorCode, type RetryDetails } from '../../core/errors';
import type { Operation } from '../../core/operations';
import type { TokenRecord } from '../../core/token';
import type { GatewayDeps } from '../deps';
import type { GatewayRequest } from './request';
import type { SpaceRef } from '../../contract/resolvers';
import type { AuditTarget } from './route';

/** Refusals decided by the app itself (as opposed to Confluence refusing the owner). */
const DENIALS: ReadonlySet<ErrorCode> = new Set([
  'GATEWAY_DISABLED', 'OPERATION_NOT_GRANTED', 'SPACE_NOT_GRANTED', 'PAGE_NOT_GRANTED', 'PURGE_NOT_ALLOWED', 'IP_NOT_ALLOWED',
  'CURRENT_SECRET_REQUIRED', 'PARENT_REQUIRED', 'INVALID_TOKEN', 'RENDERED_BODY_REFUSED',
]);

/** Storage's own Retry-After when it gave one (its budget resets at the minute), else a few seconds. */
const retryAfter = (error: unknown) => (isAppError(error) && (error.details as RetryDetails | undefined)?.retryAfterSeconds) || 5;

export interface Completion {
  target: AuditTarget;
  /** More spaces the answer read from: the event is filed under each too, as a copy (`repeatOf`). */
  copies?: readonly SpaceRef[];
  operation: AuditRecord['operation'];
  status: number;
  code: ErrorCode | null;
}

/**
 * One request's audit event, under one id. A read or a refusal writes it once, after the answer; a
 * change writes it first as `unconfirmed`, before Confluence is asked (no intent, no change), then
 * again with the result: at most two writes. The second replaces the first, so a request is one event.
 */
export class AuditTrail {
  private readonly base: Omit<AuditRecord, 'spaceId' | 'spaceKey' | 'pageId' | 'operation' | 'status' | 'outcome' | 'code'>;
  private intent: 'none' | 'written' | 'failed' = 'none';

  constructor(
    private readonly deps: GatewayDeps,
    request: GatewayRequest,
    token: Pick<TokenRecord, 'id' | 'ownerAccountId'>,
    private readonly retentionDays: number,
  ) {
    const at = deps.clock();
    this.base = {
      id: auditEventId(at, deps.randomBytes),
      at,
      tokenId: token.id,
      ownerAccountId: token.ownerAccountId,
      method: request.method.toUpperCase().slice(0, 10),
      clientIp: clientAddress(request.headers['x-forwarded-for']),
      userAgent: truncateUserAgent(request.headers['user-agent']),
    };
  }

  /** Before the first change is sent; throws 503 (Retry-After) when the record cannot be written. */
  async beforeChange(target: AuditTarget, operation: Operation): Promise<void> {
    if (this.intent === 'written') return;
    try {
      await this.deps.audit.append({ ...this.base, ...target, operation, status: 0, outcome: 'unconfirmed', code: null }, this.retentionDays);
      this.intent = 'written';
    } catch (error) {
      this.intent = 'failed';
      throw new AppError('UPSTREAM_UNAVAILABLE', 'The change was not made: the app could not record it in its audit log. Try again shortly.', {
        retryAfterSeconds: retryAfter(error),
      });
    }
  }

  /**
   * The answer is decided. A failed write is logged. When the answer is Confluence's (code null) and no
   * intent was written (a read), a 503 with Retry-After is returned for the gateway to send instead: no
   * read leaves unrecorded. After a written intent the answer stands (a change may have happened, and
   * the intent is its record); the app's own refusals carry nothing read and stand too. A change
   * Confluence did not confirm in time stays `unconfirmed`: it may have been made.
   */
  async complete({ target, copies = [], operation, status, code }: Completion): Promise<AppError | undefined> {
    if (this.intent === 'failed') return undefined; // storage just refused: do not spend another write on it
    const outcome = this.intent === 'written' && code === 'UPSTREAM_TIMEOUT' ? 'unconfirmed' : outcomeOf(status, code !== null && DENIALS.has(code));
    const record: AuditRecord = { ...this.base, ...target, operation, status, outcome, code };
    // One write per space: an entity index partitions on one space id, so each space's log needs its own
    // event. The copies are written alongside; a copy that fails is logged (the request's own event stands).
    const repeats: AuditRecord[] = copies.map((space) => ({ ...record, id: `${record.id}.${space.id}`, spaceId: space.id, spaceKey: space.key, repeatOf: record.id }));
    const [own] = await Promise.allSettled([
      this.deps.audit.append(record, this.retentionDays),
      ...repeats.map((event) => this.deps.audit.append(event, this.retentionDays).catch((error: unknown) => {
        console.error('Audit event not recorded:', error instanceof Error ? error.name : typeof error, event.id);
      })),
    ]);
    if (own!.status === 'fulfilled') return undefined;
    const error: unknown = own!.reason;
    console.error('Audit event not recorded:', error instanceof Error ? error.name : typeof error, record.id);
    if (this.intent === 'written' || code !== null) return undefined;
    return new AppError('UPSTREAM_UNAVAILABLE', 'The answer was withheld: the app could not record the request in its audit log. Try again shortly.', {
      retryAfterSeconds: retryAfter(error),
    });
  }
}
