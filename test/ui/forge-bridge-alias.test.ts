// @forge/bridge looks for the host's bridge when it loads; this test only compares module exports.
(globalThis as { __bridge?: unknown }).__bridge = { callBridge: () => Promise.reject(new Error('no host in this test')) };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const real = require('@forge/bridge') as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const alias = require('../../static/common/aliases/forge-bridge') as Record<string, unknown>;

// The Custom UI builds resolve '@forge/bridge' to the alias module: what it exports must be the
// package's own objects, so pages behave exactly as with the whole package.
it('re-exports the very objects @forge/bridge exports', () => {
  const names = Object.keys(alias).filter((name) => name !== '__esModule');
  expect(names.sort()).toEqual(['makeInvoke', 'router', 'view']);
  for (const name of names) {
    expect(alias[name]).toBeDefined();
    expect(alias[name]).toBe(real[name]);
  }
});

it('leaves out what no page uses, which is what makes it smaller', () => {
  expect(Object.keys(real).length).toBeGreaterThan(Object.keys(alias).length + 10);
});
