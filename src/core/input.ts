/** Shapes of untrusted input, shared by every parser of it. */

/** An object to read fields from; anything else reads as an empty one, so its fields fail their own checks. */
export function asRecord(input: unknown): Record<string, unknown> {
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
}

/** Confluence space keys: letters and digits; personal spaces start with `~`. */
const SPACE_KEY = /^~?[A-Za-z0-9]{1,255}$/;

export function isSpaceKey(value: unknown): value is string {
  return typeof value === 'string' && SPACE_KEY.test(value);
}
