/** Injected time and randomness keep the core deterministic under test. */
export type Clock = () => number;

/** Returns `length` cryptographically random bytes. */
export type RandomBytes = (length: number) => Uint8Array;

export const DAY_MS = 86_400_000;

export function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
