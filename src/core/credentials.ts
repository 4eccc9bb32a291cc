import { isLegacyToken } from './token-format';

/**
 * The credential in an Authorization header: `Bearer <token>`, or Basic with the token as the password
 * (how people use Atlassian API tokens with `curl --user email:token`). Undefined when absent or the
 * scheme is neither; '' when the scheme carries an empty value.
 */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

export function tokenFromAuthorization(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const value = rest.join(' ');
  switch (scheme.toLowerCase()) {
    case 'bearer':
      return value;
    case 'basic': {
      // Strict base64: Node's decoder skips characters outside the alphabet, so two Authorization lines
      // joined into one ("Basic <junk>, Basic <credentials>") would otherwise decode to the second one.
      if (!BASE64.test(value)) return undefined;
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return colon >= 0 ? decoded.slice(colon + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** Atlassian API tokens: `ATATT…` since 2023 (scoped ones too), 24 alphanumerics before that. */
const ATLASSIAN_API_TOKEN = /^(ATATT[0-9A-Za-z_=-]{20,}|[0-9A-Za-z]{24})$/;
/** A JWS or JWE in compact form (an OAuth access token, a Connect or Forge invocation token). */
const JWT = /^eyJ[0-9A-Za-z_-]*(\.[0-9A-Za-z_-]*){2,4}$/;

const NEEDS_OURS = "The gateway needs a space-scoped token (sst_…) from the app's API tokens page in Confluence";

/**
 * What to tell a caller whose credential is clearly not one of ours, decided from its text alone, so
 * it says nothing about which of our tokens exist. Undefined when it could be one of ours.
 */
export function wrongCredentialHint(credential: string | undefined): string | undefined {
  if (credential === '') return `${NEEDS_OURS}; the password or bearer value was empty.`;
  if (credential === undefined) return undefined;
  if (JWT.test(credential)) return `${NEEDS_OURS}; this looks like a JWT (an OAuth or app token), which it does not accept.`;
  if (ATLASSIAN_API_TOKEN.test(credential)) return `${NEEDS_OURS}; this looks like an Atlassian API token, which it does not accept.`;
  if (isLegacyToken(credential)) return `${NEEDS_OURS}; tokens in the format issued before the keyed checksum no longer work: issue a new one.`;
  return undefined;
}
