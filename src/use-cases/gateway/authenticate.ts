import { AppError } from '../../core/errors';
import type { Policy } from '../../core/policy';
import { verifySecret } from '../../core/secret-hash';
import { tokenStatus, type TokenRecord } from '../../core/token';
import { parseToken } from '../../core/token-format';
import { tokenFromAuthorization } from '../../core/credentials';
import type { Deps } from '../deps';

/** One opaque failure for every reason, so a caller learns nothing about which tokens exist. */
const invalidToken = () => new AppError('INVALID_TOKEN', 'The token is missing, malformed, unknown, expired or revoked.');

/**
 * Malformed tokens and bad checksums are refused before any storage access; a well-formed one costs
 * exactly one storage read (the token and the policy together).
 */
export async function authenticate(deps: Deps, authorization: string | undefined): Promise<{ token: TokenRecord; policy: Policy }> {
  const text = tokenFromAuthorization(authorization);
  const parsed = text === undefined ? undefined : parseToken(text);
  if (!parsed) throw invalidToken();
  const { token, policy } = await deps.tokens.getWithPolicy(parsed.id);
  if (!token || !verifySecret(parsed.secret, token.secretHash, deps.pepper)) throw invalidToken();
  if (tokenStatus(token, deps.clock()) !== 'active') throw invalidToken();
  return { token, policy };
}
