import fs from 'node:fs';
import { describeServer } from '../../emulator/server/banner';
import { kvsRateLimitsFromEnv } from '../../emulator/server/environment';
import { startLocalServer } from '../../emulator/server/server';
import { gateway, invoke, tempDataDir } from './http-client';

/** `KVS_RATE_LIMITS=1 npm start`: the local server enforces Forge's per-minute KVS budgets, so a flood can be tried locally. */
it('reads KVS_RATE_LIMITS: 1 on, unset or 0 off, anything else a clear error', () => {
  expect(kvsRateLimitsFromEnv({})).toBe(false);
  expect(kvsRateLimitsFromEnv({ KVS_RATE_LIMITS: '0' })).toBe(false);
  expect(kvsRateLimitsFromEnv({ KVS_RATE_LIMITS: '1' })).toBe(true);
  expect(() => kvsRateLimitsFromEnv({ KVS_RATE_LIMITS: 'yes' })).toThrow('KVS_RATE_LIMITS must be 1');
});

it('enforces 4,000 reads a minute when switched on, and says so when it starts', async () => {
  const dataDir = tempDataDir();
  const server = await startLocalServer({ port: 0, dataDir, runSchedules: false, kvsRateLimits: kvsRateLimitsFromEnv({ KVS_RATE_LIMITS: '1' }) });
  try {
    expect(describeServer(server, dataDir)).toContain("KVS: Forge's per-minute budgets enforced");
    const { json } = await invoke(server, 'alice', 'createToken', { label: 'flood', spaceKeys: ['DOCS'], operations: ['read'], expiresInDays: 1 });
    expect((await gateway(server, json.token, 'GET', '/self')).status).toBe(200);
    for (let i = 0; i < 4_000; i++) server.app.kvs.handle('/api/v1/get', { key: 'spend' });
    const spent = await gateway(server, json.token, 'GET', '/self');
    expect([spent.status, spent.json.errors[0].code]).toEqual([503, 'UPSTREAM_UNAVAILABLE']);
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
