/**
 * `npm run lint:forge` (scripts/forge-lint.ts): Atlassian's own linter, offline, with the permission
 * linter's scope data from the committed Confluence contract. CI runs it on this app with --strict;
 * these tests show that the scope data reaches the linter and that its alternatives keep their meaning.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forgeLint } from '../../scripts/forge-lint';
import { linterSpec } from '../../scripts/forge-lint/scope-specs';

/** A one-function app calling `GET /wiki/api/v2/spaces/{id}/pages` and, when asked, a v1 route with two scope alternatives. */
function fixtureApp(scopes: string[], options: { runtime?: string; v1Search?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-app-'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(
    path.join(dir, 'manifest.yml'),
    [
      'modules:',
      '  scheduledTrigger:',
      '    - key: nightly',
      '      function: nightly-fn',
      '      interval: day',
      '  function:',
      '    - key: nightly-fn',
      '      handler: index.run',
      'app:',
      '  id: ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000',
      '  runtime:',
      `    name: ${options.runtime ?? 'nodejs24.x'}`,
      'permissions:',
      '  scopes:',
      ...scopes.map((scope) => `    - ${scope}`),
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'src', 'index.ts'),
    `import api, { route } from '@forge/api';
     export async function run(spaceId: string): Promise<void> {
       await api.asApp().requestConfluence(route\`/wiki/api/v2/spaces/\${spaceId}/pages\`);
       ${options.v1Search ? "await api.asApp().requestConfluence(route`/wiki/rest/api/search?cql=${spaceId}`);" : ''}
     }
    `,
  );
  return dir;
}

const apps: string[] = [];
const lintApp = (...args: Parameters<typeof fixtureApp>) => {
  const dir = fixtureApp(...args);
  apps.push(dir);
  return forgeLint(dir);
};
// forgeLint switches the working folder into the app while it runs: should a test time out mid-lint (a
// loaded machine), go back before deleting the apps, or every later test file in this worker would run
// in a deleted folder (ENOENT uv_cwd).
const startedIn = process.cwd();
afterAll(() => {
  process.chdir(startedIn);
  apps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

it('reports a Confluence call whose scope the manifest lacks, from the committed contract, offline', async () => {
  const missing = await lintApp(['storage:app']);
  // The linter names the first spec path whose end matches the call (here `/pages`); the scope is the point.
  expect(missing.errors).toEqual([expect.stringMatching(/^src\/index\.ts:3:\d+ error Confluence endpoint: GET .*"read:page:confluence" scope/)]);
  expect(await lintApp(['read:page:confluence'])).toEqual({ files: 1, errors: [], warnings: [] });
}, 300_000);

it('passes a v1 call whose granular alternative the manifest holds, and names the current scope when neither is there', async () => {
  expect((await lintApp(['read:page:confluence', 'read:content-details:confluence'], { v1Search: true })).errors).toEqual([]);
  expect((await lintApp(['read:page:confluence'], { v1Search: true })).errors).toEqual([expect.stringMatching(/GET \/wiki\/rest\/api\/search.*search:confluence/)]);
}, 300_000);

it('reports a runtime Forge no longer deploys', async () => {
  const report = await lintApp(['read:page:confluence'], { runtime: 'nodejs20.x' });
  expect([...report.errors, ...report.warnings]).toEqual([expect.stringMatching(/nodejs20\.x/)]);
}, 300_000);

it('gives the linter each operation’s scope alternatives as current, then beta, and refuses more than two', () => {
  const spec = linterSpec({ '/search': { get: { security: [{ oAuthDefinitions: ['search:confluence'] }, { oAuthDefinitions: ['read:content-details:confluence'] }] } } });
  expect(spec.paths['/search']!.get!['x-atlassian-oauth2-scopes']).toEqual([
    { scheme: 'oAuthDefinitions', state: 'Current', scopes: ['search:confluence'] },
    { scheme: 'oAuthDefinitions', state: 'Beta', scopes: ['read:content-details:confluence'] },
  ]);
  const three = { security: [{ oAuthDefinitions: ['a'] }, { oAuthDefinitions: ['b'] }, { oAuthDefinitions: ['c'] }] };
  expect(() => linterSpec({ '/x': { get: three } })).toThrow(/3 scope alternatives/);
});
