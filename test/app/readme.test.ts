/**
 * The docs' generated sections match the code they come from: the gateway's routes (with what the
 * bench measures each one costs, and its note) and the resolver contract. When this fails after
 * adding or changing a route or a resolver: npm run docs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { orphanRouteNotes, resolversSection, ROOT, SECTIONS, sectionIn } from '../../scripts/docs/generate';

it.each(Object.keys(SECTIONS))('generated section "%s" is up to date (if not: npm run docs)', async (name) => {
  expect(sectionIn(name)).toBe(await SECTIONS[name]!.generate());
}, 60_000);

it('has a note only for routes the gateway answers (scripts/docs/route-notes.ts)', () => {
  expect(orphanRouteNotes()).toEqual([]);
});

it('links every docs page from the README, and each link in README and docs leads to a file', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const pages = fs.readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
  expect(pages.filter((page) => !readme.includes(`](docs/${page})`))).toEqual([]);
  const broken: string[] = [];
  for (const file of ['README.md', ...pages.map((page) => `docs/${page}`)]) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      if (!fs.existsSync(path.resolve(ROOT, path.dirname(file), target!))) broken.push(`${file}: ${target}`);
    }
  }
  expect(broken).toEqual([]);
});

it('shows the Quick start commands, npm start and npm test, in the README’s first 40 lines', () => {
  const first = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n').slice(0, 40).join('\n');
  expect(first).toMatch(/npm install && npm start/);
  expect(first).toMatch(/^npm test\b/m);
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
