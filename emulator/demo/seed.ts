import { gateway, invoke } from '../server/local-client';
import type { LocalServer } from '../server/server';
import { seedHistory } from './history';
import { newPage } from './new-page';

/**
 * Realistic state for the pages, made over HTTP as people and scripts would: alice's and bob's tokens,
 * pages created, updated, read and trashed through the gateway, one token revoked. Used by
 * `npm start -- --demo`, `npm run screenshots`, the first-load budget test and the UI bench, so all show the same pages.
 */
const DOCS_ID = '10001';

async function issue(server: LocalServer, user: string, input: { label: string; spaceKeys: string[]; operations: string[]; expiresInDays: number }) {
  const answer = await invoke(server, user, 'createToken', input);
  if (answer.status !== 200) throw new Error(`createToken for ${user} answered ${answer.status}: ${answer.text}`);
  return { token: answer.json.token as string, id: answer.json.info.id as string };
}

async function call(server: LocalServer, token: string, method: string, route: string, body?: unknown): Promise<any> {
  return (await gateway(server, token, method, route, body)).json;
}


/** Alice's and bob's scripts at work: pages created, updated, read and trashed, one stale update refused by Confluence. */
export async function seedActivity(server: LocalServer): Promise<void> {
  const releaseBot = await issue(server, 'alice', { label: 'Release notes bot', spaceKeys: ['DOCS'], operations: ['read', 'create', 'update'], expiresInDays: 30 });
  const exporter = await issue(server, 'alice', { label: 'Nightly export', spaceKeys: ['DOCS', 'ENG'], operations: ['read'], expiresInDays: 90 });
  const migration = await issue(server, 'alice', { label: 'Wiki migration', spaceKeys: ['DOCS'], operations: ['read', 'create', 'update', 'delete'], expiresInDays: 7 });
  const wikiSync = await issue(server, 'bob', { label: 'Wiki sync', spaceKeys: ['DOCS', 'ENG'], operations: ['read', 'create', 'update'], expiresInDays: 30 });
  const runbooks = await issue(server, 'bob', { label: 'Runbook mirror', spaceKeys: ['ENG'], operations: ['read'], expiresInDays: 90 });

  const notes = await call(server, releaseBot.token, 'POST', '/wiki/api/v2/pages', newPage(DOCS_ID, 'Release 2.4'));
  await call(server, releaseBot.token, 'PUT', `/wiki/api/v2/pages/${notes.id}`, { ...newPage(DOCS_ID, 'Release 2.4'), id: notes.id, version: { number: 2 } });
  // A script retrying with a version it already used: Confluence answers 409.
  await call(server, releaseBot.token, 'PUT', `/wiki/api/v2/pages/${notes.id}`, { ...newPage(DOCS_ID, 'Release 2.4'), id: notes.id, version: { number: 2 } });
  for (const id of ['20001', '20002', '20003', '20004']) await call(server, exporter.token, 'GET', `/wiki/api/v2/pages/${id}?body-format=storage`);
  await call(server, exporter.token, 'GET', '/wiki/api/v2/spaces/10002/pages');
  const draft = await call(server, migration.token, 'POST', '/wiki/api/v2/pages', newPage(DOCS_ID, 'Migrated: Onboarding'));
  await call(server, migration.token, 'DELETE', `/wiki/api/v2/pages/${draft.id}`);
  await invoke(server, 'alice', 'revokeToken', { id: migration.id });

  const synced = await call(server, wikiSync.token, 'POST', '/wiki/api/v2/pages', newPage(DOCS_ID, 'Sync report'));
  await call(server, wikiSync.token, 'GET', `/wiki/api/v2/pages/${synced.id}`);
  await call(server, runbooks.token, 'GET', '/wiki/api/v2/spaces/10002/pages');
  await call(server, runbooks.token, 'GET', '/wiki/api/v2/pages/20013?body-format=storage');

  // The month before, for the activity charts (and what they cost a page's first load).
  const owned = (token: { id: string }, ownerAccountId: string) => ({ id: token.id, ownerAccountId });
  await seedHistory(server, [
    { token: owned(exporter, 'alice'), perDay: 14, denied: 0, failed: 0.02 },
    { token: owned(releaseBot, 'alice'), perDay: 4, denied: 0.05, failed: 0.05 },
    { token: owned(wikiSync, 'bob'), perDay: 9, denied: 0.12, failed: 0.03 },
  ]);
}

