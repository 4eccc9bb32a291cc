import { AppError } from '../../core/errors';
import type { Policy } from '../../core/policy';
import { verifySecret, type SecretHash } from '../../core/secret-hash';
import { previousSecretValidUntil, tokenStatus, type TokenRecord } from '../../core/token';
import { parseToken, tokenParts } from '../../core/token-format';
import { tokenFromAuthorization, wrongCredentialHint } from '../../core/credentials';
import type { Deps } from '../deps';

const OPAQUE = 'The token is missing, malformed, unknown, expired or revoked.';

/**
 * One opaque failure for every reason about our tokens, so a caller learns nothing about which exist;
 * only a credential that is plainly something else (judged from its text alone) gets a hint.
 */
const invalidToken = (credential?: string) => new AppError('INVALID_TOKEN', wrongCredentialHint(credential) ?? OPAQUE);

/** Which of the token's secrets the caller presented: the previous one only works during a rotation's grace period. */
export type Credential = 'current' | 'previous';

export interface Authenticated {
  token: TokenRecord;
  policy: Policy;
  credential: Credential;
  /** The hash of the secret presented, so a self-rotation can tell whether it is still the current one. */
  presented: SecretHash;
}

/**
 * Malformed tokens, bad checksums and tokens from other installations are refused before any storage
 * access (the checksum key is cached per function instance); a token that passes costs exactly one
 * storage read (the token and the policy together).
 */
export async function authenticate(deps: Deps, authorization: string | undefined): Promise<Authenticated> {
  const text = tokenFromAuthorization(authorization);
  if (text === undefined || !tokenParts(text)) throw invalidToken(text);
  const parsed = parseToken(text, await deps.checksumKey());
  if (!parsed) throw invalidToken(text);
  const { token, policy } = await deps.tokens.getWithPolicy(parsed.id);
  if (!token) throw invalidToken();
  const now = deps.clock();
  if (tokenStatus(token, now) !== 'active') throw invalidToken();
  if (verifySecret(parsed.secret, token.secretHash, deps.pepper)) {
    return { token, policy, credential: 'current', presented: token.secretHash };
  }
  // The previous secret's grace ends at its own limit, or sooner when the policy now allows less grace.
  const previous = token.previousSecret;
  const until = previousSecretValidUntil(token, policy.maxGraceHours);
  if (previous && until !== null && now < until && verifySecret(parsed.secret, previous.secretHash, deps.pepper)) {
    return { token, policy, credential: 'previous', presented: previous.secretHash };
  }
  throw invalidToken();
}
