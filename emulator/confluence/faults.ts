/** Failures injected into the next calls, for testing how callers cope with a flaky Confluence. */
import type { ProductResponse } from '../product';
import { v2ErrorBody } from './errors';

export type Fault =
  /** Answer with this status (e.g. 429, 500, 503), with `Retry-After: retryAfter` when given. */
  | { status: number; retryAfter?: number; times?: number }
  /** Reject the call as if the connection failed; `networkError` is the message. */
  | { networkError: string; times?: number }
  /**
   * Hold the call `stallMs` before handling it as usual, as a Confluence that is slow to answer: a change
   * is still made, late, after a caller with a shorter deadline has stopped waiting.
   */
  | { stallMs: number; times?: number };

/** What a failed connection looks like to the caller of `handle`. */
export class StandInNetworkError extends Error {
  readonly code = 'ECONNRESET';
}

export class FaultQueue {
  private readonly pending: Fault[] = [];

  /** Fails the next `fault.times` calls (default 1), after any faults already queued. */
  add(fault: Fault): void {
    for (let i = 0; i < (fault.times ?? 1); i++) this.pending.push(fault);
  }

  clear(): void {
    this.pending.length = 0;
  }

  /**
   * Applies the next queued fault, if any: a response to return, a thrown network error, or how long
   * to stall before handling the call. Synchronous: the stand-in checks a call before its first await.
   */
  next(): ProductResponse | { stallMs: number } | undefined {
    const fault = this.pending.shift();
    if (!fault) return undefined;
    if ('networkError' in fault) throw new StandInNetworkError(fault.networkError);
    if ('stallMs' in fault) return { stallMs: fault.stallMs };
    const headers: Record<string, string> = { 'content-type': 'application/json;charset=UTF-8' };
    if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
    return { status: fault.status, headers, body: JSON.stringify(v2ErrorBody(fault.status)) };
  }
}
