/**
 * Client-supplied text the app stores and shows to admins (user agents, client addresses): control
 * characters (C0, DEL, C1) and the invisible format controls that reorder or hide what a reader sees
 * are removed, and the length is capped without splitting a character. The work is linear and bounded:
 * at most `PRE_CAP_FACTOR` times the cap is ever scanned, whatever the input's length.
 */

/**
 * The bidirectional marks, embeddings, overrides and isolates, zero-width space, word joiner and
 * invisible operators, and the byte-order mark. Zero-width joiner and non-joiner stay: scripts and
 * emoji need them.
 */
const FORMAT_CONTROLS = String.raw`\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff`;
const FORMAT_CONTROL = new RegExp(`[${FORMAT_CONTROLS}]`, 'g');
const UNSAFE = new RegExp(String.raw`[\u0000-\u001f\u007f-\u009f${FORMAT_CONTROLS}]`, 'g');

/** Text a person typed (a token's label), without the format controls audit text also loses. */
export function withoutFormatControls(text: string): string {
  return text.replace(FORMAT_CONTROL, '');
}

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
