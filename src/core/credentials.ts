/**
 * The token from an Authorization header: `Bearer <token>`, or Basic with the token as the password
 * (how people use Atlassian API tokens with `curl --user email:token`). Undefined when absent.
 */
export function tokenFromAuthorization(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const value = rest.join(' ');
  switch (scheme.toLowerCase()) {
    case 'bearer':
      return value || undefined;
    case 'basic': {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return colon >= 0 ? decoded.slice(colon + 1) : undefined;
    }
    default:
      return undefined;
  }
}
