import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmulatedApp } from '../../emulator/app';
import { SEED } from '../../emulator/confluence';
import { CHECKSUM_KEY } from '../../src/adapters/kvs/schema';
import { encodeBase62, randomBase62 } from '../../src/core/base62';
import { formatToken, tokenParts } from '../../src/core/token-format';
import { crc32 } from 'node:zlib';
import { bearer, callGateway, issueToken } from './support';

/**
 * Item 1 of issue 10: a token this installation did not mint (forged, mistyped, another
 * installation's, or in the old CRC32 format) is refused from its text alone, at no storage cost.
 */
const PAGE = `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}`;
const random62 = (length: number) => randomBase62(length, (n) => randomBytes(n));

let app: EmulatedApp;
afterEach(() => app?.close());

const storageRequests = () => {
  const { readRequests, writeRequests } = app.kvs.counters();
  return readRequests + writeRequests;
};

it('answers 1,000 well-formed tokens not minted here with 401 and no storage request', async () => {
  app = EmulatedApp.start();
  const { token } = await issueToken(app, 'alice');
  expect((await callGateway(app, { method: 'GET', path: PAGE, headers: bearer(token) })).status).toBe(200);
  const real = tokenParts(token)!;
  const elsewhere = randomBytes(32);

  app.kvs.resetCounters();
  for (let i = 0; i < 1_000; i++) {
    // Fresh ids and secrets under another installation's key; every tenth reuses the real id.
    const forged = formatToken({ id: i % 10 === 0 ? real.id : random62(12), secret: random62(43) }, elsewhere);
    const answer = await callGateway(app, { method: 'GET', path: PAGE, headers: bearer(forged) });
    expect(answer.status).toBe(401);
  }
  expect(storageRequests()).toBe(0);
});

it('refuses a token in the old CRC32 format, saying to issue a new one, without storage', async () => {
  app = EmulatedApp.start();
  const { token } = await issueToken(app, 'alice');
  const { id, secret } = tokenParts(token)!;
  const body = `sst_${id}_${secret}`;
  const legacy = body + encodeBase62(crc32(body), 6);

  app.kvs.resetCounters();
  const answer = await callGateway(app, { method: 'GET', path: PAGE, headers: bearer(legacy) });
  expect(answer.status).toBe(401);
  expect(JSON.parse(answer.body).errors[0]).toMatchObject({ code: 'INVALID_TOKEN', detail: expect.stringMatching(/issue a new one/) });
  expect(storageRequests()).toBe(0);
});

it('creates one key however many function instances race to create it first', async () => {
  app = EmulatedApp.start();
  // Five cold instances: separate copies of the module, each with its own cache, in one installation.
  const instances = Array.from({ length: 5 }, () => {
    let module!: typeof import('../../src/adapters/kvs/checksum-key');
    jest.isolateModules(() => {
      module = require('../../src/adapters/kvs/checksum-key');
    });
    return module.installationChecksumKey((n) => randomBytes(n));
  });
  const invocation = { moduleKey: 'gateway', moduleType: 'webtrigger', functionKey: 'gateway-fn', timeoutMs: 55_000 };
  const keys = await Promise.all(instances.map((load) => app.platform.run(invocation, load)));
  const stored = app.kvs.dump().filter((item) => item.store === 'secret' && item.key === CHECKSUM_KEY);
  expect(stored).toHaveLength(1);
  for (const key of keys) expect(Buffer.from(key).toString('base64url')).toBe(stored[0].value);
  // Only the secret store holds it.
  expect(app.kvs.dump().filter((item) => JSON.stringify(item.value).includes(stored[0].value as string))).toHaveLength(1);
});

it('keeps the key across restarts, so tokens issued before one keep working', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sst-key-'));
  try {
    app = EmulatedApp.start({ dataDir });
    const { token } = await issueToken(app, 'alice');
    app.close();
    app = EmulatedApp.start({ dataDir });
    expect((await callGateway(app, { method: 'GET', path: PAGE, headers: bearer(token) })).status).toBe(200);
  } finally {
    app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
