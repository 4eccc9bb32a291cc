/**
 * Client-supplied text the app stores and shows to admins (user agents, client addresses): control
 * characters (C0, DEL, C1) and the bidirectional overrides that reorder what a reader sees are
 * removed, and the length is capped without splitting a character. The work is linear and bounded:
 * at most `PRE_CAP_FACTOR` times the cap is ever scanned, whatever the input's length.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const PRE_CAP_FACTOR = 4;
/** Half a surrogate pair: not a character, and some renderers and exporters choke on it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function safeText(text: string | undefined, maxLength: number): string | null {
  if (!text) return null;
  const cleaned = text.slice(0, maxLength * PRE_CAP_FACTOR).replace(UNSAFE, '').trim();
  // Also drops the half a character a cut between a surrogate pair's halves would leave.
  const capped = cleaned.slice(0, maxLength).replace(LONE_SURROGATE, '');
  return capped || null;
}
