import { randomBytes } from 'node:crypto';
import { tokenFromAuthorization } from '../../src/core/credentials';
import { hashSecret, SALT_BYTES, verifySecret } from '../../src/core/secret-hash';
import { generateToken, parseToken } from '../../src/core/token-format';
import { microsSince, percentile } from './stats';

const WARMUP = 2_000;
const SAMPLES = 20_000;

export interface VerifyFigures {
  p50: number;
  p99: number;
  /** Process CPU time over wall time while sampling: close to 1 means the samples are CPU time. */
  cpuShare: number;
}

/**
 * From an Authorization header to the verdict, as the gateway does before and after its one storage
 * read: extract, parse and checksum, then hash the secret (HMAC with a pepper, the production setting)
 * and compare with the stored hash. Each sample is one synchronous run, so its wall time is CPU time.
 */
export function benchVerify(pepper: string | undefined): VerifyFigures {
  const key = randomBytes(32);
  const { token, secret } = generateToken(randomBytes, key);
  const stored = hashSecret(secret, randomBytes(SALT_BYTES), pepper);
  const header = `Bearer ${token}`;
  const once = () => {
    const parsed = parseToken(tokenFromAuthorization(header)!, key);
    if (!parsed || !verifySecret(parsed.secret, stored, pepper)) throw new Error('The valid token did not verify');
  };
  for (let i = 0; i < WARMUP; i++) once();
  const samples: number[] = [];
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  for (let i = 0; i < SAMPLES; i++) {
    const start = process.hrtime.bigint();
    once();
    samples.push(microsSince(start));
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuShare = (cpu.user + cpu.system) / microsSince(wallBefore);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), cpuShare };
}
