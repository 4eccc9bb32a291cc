import fs from 'node:fs';
import path from 'node:path';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';
import * as schema from '../../src/adapters/kvs/schema';
import { PRIVACY_RUN_BUDGET_MS, SCHEDULED_TIMEOUT_SECONDS } from '../../src/core/forge-limits';
import { buildMissingUi, uiModules } from '../../emulator/server/ui-modules';
import * as handlers from '../../src/index';
import { loadManifest } from '../../emulator/platform/manifest';
import { FOLD_LIMITS } from '../../src/use-cases/fold-events';

const ROOT = path.resolve(__dirname, '../..');
const manifest = parse(fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8'));

describe('manifest.yml', () => {
  it('passes Forge’s own manifest validation', async () => {
    buildMissingUi(uiModules(manifest)); // resources must exist to validate
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const result = await validate(false);
      expect(result.errors).toEqual([]);
      expect(result.success).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  }, 120_000);

  it('names exactly the handlers src/index.ts exports', () => {
    const named = manifest.modules.function.map((fn: { handler: string }) => fn.handler.replace(/^index\./, '')).sort();
    expect(Object.keys(handlers).sort()).toEqual(named);
  });

  it('declares the entities and indexes the storage adapters query', () => {
    const entities = Object.fromEntries(
      manifest.app.storage.entities.map((entity: { name: string; indexes?: Array<{ name: string }> }) => [entity.name, (entity.indexes ?? []).map((index) => index.name)]),
    );
    expect(entities[schema.TOKEN_ENTITY]).toEqual(expect.arrayContaining([schema.TOKEN_BY_OWNER, schema.TOKEN_BY_CREATED]));
    expect(entities[schema.GRANT_ENTITY]).toEqual([schema.GRANT_BY_SPACE]);
    expect(entities[schema.AUDIT_ENTITY]).toEqual(
      expect.arrayContaining([schema.AUDIT_BY_TOKEN, schema.AUDIT_BY_SPACE, schema.AUDIT_BY_OWNER, schema.AUDIT_BY_TIME]),
    );
    expect(entities[schema.FOLD_STATE_ENTITY]).toEqual([]);
    expect(entities[schema.QUOTA_ENTITY]).toEqual([schema.QUOTA_BY_UPDATED]);
  });

  it('gives the personal data job the cleanup rate limits and the time its run budget counts on', () => {
    const fn = manifest.modules.function.find((candidate: { handler: string }) => candidate.handler === 'index.privacyTriggerHandler');
    expect(fn).toMatchObject({ cleanup: true, timeoutSeconds: SCHEDULED_TIMEOUT_SECONDS });
    expect(PRIVACY_RUN_BUDGET_MS).toBeLessThan(SCHEDULED_TIMEOUT_SECONDS * 1000);
    const trigger = manifest.modules.scheduledTrigger.find((candidate: { function: string }) => candidate.function === fn.key);
    expect(trigger).toMatchObject({ key: 'report-personal-data', interval: 'day' });
  });

  it('lets the gateway impersonate only for the scopes it uses, and uses no legacy storage', () => {
    const impersonating = Object.entries(manifest.permissions.scopes)
      .filter(([, grant]) => (grant as { allowImpersonation?: boolean })?.allowImpersonation)
      .map(([scope]) => scope)
      .sort();
    expect(impersonating).toEqual([
      'delete:page:confluence',
      'read:attachment:confluence',
      'read:comment:confluence',
      'read:content-details:confluence',
      'read:content.metadata:confluence',
      'read:hierarchical-content:confluence',
      'read:label:confluence',
      'read:page:confluence',
      'read:space:confluence',
      'read:user:confluence',
      'write:attachment:confluence',
      'write:comment:confluence',
      'write:label:confluence',
      'write:page:confluence',
    ]);
    const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const dependencies = { ...packageJson.dependencies, ...packageJson.devDependencies };
    expect(dependencies).not.toHaveProperty('@forge/storage');
    expect(dependencies).not.toHaveProperty('@forge/ui');
  });

  it('gives the fold function the time its runs use: up to FOLD_LIMITS.runMs, with the reserve still left', () => {
    // The emulated platform reads the same timeoutSeconds and reports the time left from it, as Forge does.
    const fold = loadManifest(manifest).scheduledTriggers.find((trigger) => trigger.key === 'fold-audit-events');
    expect(fold?.timeoutSeconds).toBeDefined();
    expect(fold!.timeoutSeconds! * 1000).toBeGreaterThanOrEqual(FOLD_LIMITS.runMs + FOLD_LIMITS.reserveMs);
  });
});
