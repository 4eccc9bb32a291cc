import { AppError } from '../../core/errors';
import type { Policy } from '../../core/policy';
import { verifySecret } from '../../core/secret-hash';
import { tokenStatus, type TokenRecord } from '../../core/token';
import { parseToken, tokenParts } from '../../core/token-format';
import { tokenFromAuthorization, wrongCredentialHint } from '../../core/credentials';
import type { Deps } from '../deps';

const OPAQUE = 'The token is missing, malformed, unknown, expired or revoked.';

/**
 * One opaque failure for every reason about our tokens, so a caller learns nothing about which exist;
 * only a credential that is plainly something else (judged from its text alone) gets a hint.
 */
const invalidToken = (credential?: string) => new AppError('INVALID_TOKEN', wrongCredentialHint(credential) ?? OPAQUE);

/**
 * Malformed tokens, bad checksums and tokens from other installations are refused before any storage
 * access (the checksum key is cached per function instance); a token that passes costs exactly one
 * storage read (the token and the policy together).
 */
export async function authenticate(deps: Deps, authorization: string | undefined): Promise<{ token: TokenRecord; policy: Policy }> {
  const text = tokenFromAuthorization(authorization);
  if (text === undefined || !tokenParts(text)) throw invalidToken(text);
  const parsed = parseToken(text, await deps.checksumKey());
  if (!parsed) throw invalidToken(text);
  const { token, policy } = await deps.tokens.getWithPolicy(parsed.id);
  if (!token || !verifySecret(parsed.secret, token.secretHash, deps.pepper)) throw invalidToken();
  if (tokenStatus(token, deps.clock()) !== 'active') throw invalidToken();
  return { token, policy };
}
