import { createKvsEngine, FORGE_KVS_RATE_LIMITS } from '../../emulator/kvs';

/** Forge's per-installation KVS budget, per minute, in 10 KB units (forge-notes.md, "Storage"). */
const START = Date.parse('2026-03-01T12:00:00.000Z');

function engineAt(clock: { now: number }) {
  return createKvsEngine({ clock: () => clock.now, rateLimits: FORGE_KVS_RATE_LIMITS });
}

it('answers 429 RATE_LIMIT_EXCEEDED past 4,000 reads in a minute, and again next minute', () => {
  const clock = { now: START + 30_000 };
  const engine = engineAt(clock);
  for (let i = 0; i < 4_000; i++) expect(engine.handle('/api/v1/get', { key: `k${i}` }).status).toBe(404);
  const refused = engine.handle('/api/v1/get', { key: 'one-more' });
  expect(refused).toEqual({ status: 429, body: expect.objectContaining({ code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 30 }) });
  // Writes have their own budget.
  expect(engine.handle('/api/v1/set', { key: 'w', value: 1 }).status).toBe(204);
  clock.now = START + 60_000;
  expect(engine.handle('/api/v1/get', { key: 'w' }).status).toBe(200);
});

it('counts a request in 10 KB units: a 65 KB write spends 7 of the 4,000', () => {
  const clock = { now: START };
  const engine = engineAt(clock);
  const big = 'x'.repeat(65 * 1024 - 20);
  for (let i = 0; i < 571; i++) expect(engine.handle('/api/v1/set', { key: `big${i}`, value: big }).status).toBe(204);
  expect(engine.handle('/api/v1/set', { key: 'small', value: 1 }).status).toBe(204); // 571 × 7 = 3,997
  expect(engine.handle('/api/v1/set', { key: 'small', value: 2 }).status).toBe(204);
  expect(engine.handle('/api/v1/set', { key: 'small', value: 3 }).status).toBe(204);
  expect(engine.handle('/api/v1/set', { key: 'small', value: 4 }).status).toBe(429);
});

it('enforces nothing unless asked, so tests that flood on purpose opt in', () => {
  const engine = createKvsEngine({ clock: () => START });
  for (let i = 0; i < 4_100; i++) expect(engine.handle('/api/v1/get', { key: 'k' }).status).toBe(404);
});
