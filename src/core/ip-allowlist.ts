import ipaddr from 'ipaddr.js';
import { AppError } from './errors';
import { MAX_ALLOWED_IPS } from './token-limits';

/**
 * IP allowlists: IPv4 or IPv6 addresses and CIDR ranges, parsed by ipaddr.js (the parser Express's
 * proxy-addr uses) rather than by hand. IPv4 must be written as four decimal parts: ipaddr.js also
 * accepts legacy forms such as `10.1` or `0x0a000001`, which nobody means in an allowlist.
 */

type Address = ipaddr.IPv4 | ipaddr.IPv6;

function isWellFormed(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) return false;
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return bits === undefined || Number(bits) <= 32;
  // An IPv6 zone (`%eth0`) names an interface of one host: meaningless for a remote client.
  return !address.includes('%') && ipaddr.IPv6.isValid(address) && (bits === undefined || Number(bits) <= 128);
}

/** One entry in canonical form: `10.1.0.0/16` (host bits cleared), `2001:db8::/32`, or a single address. */
function normalize(entry: string): string {
  if (!entry.includes('/')) return ipaddr.parse(entry).toString();
  const [address, bits] = ipaddr.parseCIDR(entry);
  const network = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(entry) : ipaddr.IPv6.networkAddressFromCIDR(entry);
  return `${network.toString()}/${bits}`;
}

/** The field the allowlist errors belong to: the form shows them under it. */
export const ALLOWLIST_FIELD = 'allowedIps';

/**
 * Checks an allowlist from a token request: at most 20 entries, each an address or CIDR range. The
 * error names every bad entry (in words a person reads: no field name), and its details list them
 * with the field, so a form can show them under it. Duplicates (after normalizing) are kept once.
 */
export function parseAllowedIps(input: unknown): string[] {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input) || !input.every((entry) => typeof entry === 'string')) {
    throw new AppError('VALIDATION_FAILED', 'Allowed IP addresses must be a list of IP addresses or CIDR ranges.', { field: ALLOWLIST_FIELD });
  }
  const entries = (input as string[]).map((entry) => entry.trim());
  const bad = [...new Set(entries.filter((entry) => !isWellFormed(entry)))];
  if (bad.length > 0) {
    const shown = bad.slice(0, MAX_ALLOWED_IPS).map((entry) => JSON.stringify(entry.slice(0, 60)));
    const what = shown.length === 1 ? `${shown[0]} is not an IPv4 or IPv6 address or CIDR range` : `${shown.join(', ')} are not IPv4 or IPv6 addresses or CIDR ranges`;
    throw new AppError('VALIDATION_FAILED', `Allowed IP addresses: ${what} (write e.g. 203.0.113.7, 10.0.0.0/8 or 2001:db8::/32).`, { field: ALLOWLIST_FIELD, entries: bad });
  }
  const unique = [...new Set(entries.map(normalize))];
  if (unique.length > MAX_ALLOWED_IPS) {
    throw new AppError('VALIDATION_FAILED', `Allowed IP addresses: list at most ${MAX_ALLOWED_IPS} addresses or ranges (${unique.length} given).`, { field: ALLOWLIST_FIELD });
  }
  return unique;
}

/** The client's address as ipaddr.js reads it; IPv4-mapped IPv6 (`::ffff:203.0.113.7`) counts as IPv4. */
function parseClient(clientIp: string | null): Address | undefined {
  if (!clientIp || !ipaddr.isValid(clientIp)) return undefined;
  return ipaddr.process(clientIp);
}

function matches(client: Address, entry: string): boolean {
  const [address, bits] = entry.includes('/') ? ipaddr.parseCIDR(entry) : [ipaddr.parse(entry), undefined];
  if (client.kind() !== address.kind()) return false;
  return client.match(address, bits ?? (address.kind() === 'ipv4' ? 32 : 128));
}

/** Whether an address is on a (normalized) allowlist; an unknown or unreadable address never is. */
export function isIpAllowed(allowedIps: readonly string[], clientIp: string | null): boolean {
  const client = parseClient(clientIp);
  return client !== undefined && allowedIps.some((entry) => matches(client, entry));
}

/**
 * The token's allowlist, and the policy's requireIpAllowlist at use: a token without a list is refused
 * everywhere once the site requires one, so tightening the policy takes effect at once.
 */
export function requireAllowedIp(allowedIps: readonly string[], requireIpAllowlist: boolean, clientIp: string | null): void {
  if (allowedIps.length === 0) {
    if (requireIpAllowlist) {
      throw new AppError('IP_NOT_ALLOWED', 'Your site requires tokens to have an IP allowlist, and this one has none. Its owner can create one that has.');
    }
    return;
  }
  if (!isIpAllowed(allowedIps, clientIp)) {
    throw new AppError('IP_NOT_ALLOWED', `This token may not be used from ${clientIp ?? 'an unknown address'}.`);
  }
}
