/**
 * The README's generated sections match the code they come from: the gateway's routes and the
 * resolver contract. When this fails after adding a route or a resolver: npm run docs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { README, SECTIONS, resolversSection, sectionIn } from '../../scripts/docs/generate';

const readme = fs.readFileSync(README, 'utf8');

it.each(Object.keys(SECTIONS))('README section "%s" is up to date (if not: npm run docs)', (name) => {
  expect(sectionIn(readme, name)).toBe(SECTIONS[name]!());
});

it('reads each resolver as name, payload (with the fields of a named input) and what Result wraps', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'contract-')), 'resolvers.ts');
  fs.writeFileSync(
    file,
    `export interface MakeInput { label: string; spaces?: string[] }
     export type ResolverDefinitions = {
       ping: () => Result<{ ok: boolean }>;
       make: (input: MakeInput) => Result<{ id: string | null }>;
     };`,
  );
  expect(resolversSection(file).split('\n')).toEqual([
    '| resolver | payload | answer |',
    '|---|---|---|',
    '| `ping` | — | `{ ok: boolean }` |',
    '| `make` | `MakeInput` `{label, spaces?}` | `{ id: string \\| null }` |',
  ]);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});
