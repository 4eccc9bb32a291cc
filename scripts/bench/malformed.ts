import { gateway, issueToken, SEED, withApp } from './fixture';
import { microsSince, percentile } from './stats';

const ROUNDS = 300;

/** Credentials the gateway must refuse from their text alone: wrong shape, or a checksum that does not match. */
function malformedCredentials(valid: string): string[] {
  const flipped = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  return [
    'Bearer not-a-token',
    'Bearer ',
    `Bearer ${valid.slice(0, -1)}`,
    `Bearer ${valid}x`,
    `Bearer ${flipped(valid, valid.length - 1)}`, // bad checksum
    `Bearer ${flipped(valid, 20)}`, // a typo in the secret: the checksum no longer matches
    `Bearer ${valid.replace('sst_', 'sst-')}`,
    `Bearer sst_${'A'.repeat(12)}_${'B'.repeat(43)}zzzzzz`, // well-formed, checksum not this installation's
    `Bearer ${'x'.repeat(4096)}`,
    `Basic ${Buffer.from('alice@example.com:not-a-token').toString('base64')}`,
    'Basic %%%',
    `Token ${valid}`,
  ];
}

export interface MalformedFigures {
  p50: number;
  p99: number;
  storageOps: number;
  requests: number;
}

/** Rejections through the whole web trigger (platform, handler, error envelope), counting storage requests. */
export function benchMalformed(): Promise<MalformedFigures> {
  return withApp(async (app) => {
    const { token } = await issueToken(app, 'alice');
    const path = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;
    const credentials = malformedCredentials(token);
    for (const authorization of credentials) await gateway(app, { path, authorization }); // warm up
    app.kvs.resetCounters();
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const authorization of credentials) {
        const start = process.hrtime.bigint();
        const response = await gateway(app, { path, authorization });
        samples.push(microsSince(start));
        if (response.statusCode !== 401) throw new Error(`${authorization.slice(0, 40)} answered ${response.statusCode}, not 401`);
      }
    }
    const { readRequests, writeRequests } = app.kvs.counters();
    return { p50: percentile(samples, 50), p99: percentile(samples, 99), storageOps: readRequests + writeRequests, requests: samples.length };
  });
}
