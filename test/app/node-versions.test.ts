/**
 * One Node from laptop to Forge: the runtime manifest.yml names is a Node major that package.json's
 * `engines` admits, that CI runs the suite on, and that the deploying docs state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadManifest, runtimeNodeMajor } from '../../emulator/platform';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const major = runtimeNodeMajor(loadManifest(path.join(ROOT, 'manifest.yml')));

it('admits the runtime’s Node major in engines', () => {
  const ranges = (JSON.parse(read('package.json')).engines.node as string).split('||').map((range) => range.trim());
  expect(ranges).toContain(`^${major}.0.0`);
});

it('runs the suite in CI on the Node major the manifest names (read from it), with the README’s test command', () => {
  const ci = read('.ci/run');
  expect(ci).toMatch(/runtime_node=\$\(.*manifest\.yml\)/);
  expect(ci).toMatch(/npx -y -p "node@\$runtime_node" -c '[^']*npm test'/);
});

it('states the runtime in the deploying docs', () => {
  expect(read('docs/deploying.md')).toContain(`\`runtime: nodejs${major}.x\``);
});

it('reads the major from nodejs<N>.x and refuses any other runtime name', () => {
  expect(runtimeNodeMajor(loadManifest({ app: { runtime: { name: 'nodejs24.x' } } }))).toBe(24);
  expect(() => runtimeNodeMajor(loadManifest({ app: { runtime: { name: 'python3.12' } } }))).toThrow(/nodejs<major>\.x/);
});
