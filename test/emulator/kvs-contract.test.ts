import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kvs, Filter, FilterConditions, ForgeKvsAPIError, MetadataField, Sort, WhereConditions } from '@forge/kvs';
import { createKvsEngine, createMemoryBackend, openDirectoryBackend, type KvsBackend, type KvsEngine } from '../../emulator/kvs';
import { createForgePlatform, loadManifest, type ForgePlatform } from '../../emulator/platform';
import { EchoProduct } from './fake-product';

const MANIFEST = path.join(__dirname, '../fixtures/emulator-manifest.yml');
const START = Date.parse('2026-03-01T12:00:00.000Z');

interface Employee {
  name?: string;
  team?: string;
  age?: number;
  rating?: number;
  active?: boolean;
  notes?: unknown;
}

async function rejection(promise: Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ForgeKvsAPIError) return error;
    throw error;
  }
  throw new Error('expected the KVS call to fail');
}

const backends: Array<[string, () => { backend: () => KvsBackend; cleanup: () => void }]> = [
  ['memory', () => {
    const backend = createMemoryBackend();
    return { backend: () => backend, cleanup: () => undefined };
  }],
  ['directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kvs-contract-'));
    return { backend: () => openDirectoryBackend(dir), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }],
];

describe.each(backends)('Forge KVS contract (%s backend)', (_name, makeStorage) => {
  let now: number;
  let storage: ReturnType<typeof makeStorage>;
  let engine: KvsEngine;
  let platform: ForgePlatform;

  function open(): void {
    engine = createKvsEngine({ backend: storage.backend(), entities: loadManifest(MANIFEST).entities, clock: () => now });
    platform = createForgePlatform({
      manifest: MANIFEST,
      kvs: engine,
      products: { confluence: new EchoProduct() },
      webTriggerUrl: (key) => `https://example.invalid/${key}`,
    });
    platform.install();
  }

  function reopen(): void {
    platform.uninstall();
    engine.close();
    open();
  }

  beforeEach(() => {
    now = START;
    storage = makeStorage();
    open();
  });

  afterEach(() => {
    platform.uninstall();
    engine.close();
    storage.cleanup();
  });

  describe('get, set, delete', () => {
    it('stores JSON values, answers undefined for missing keys and deletes', async () => {
      await kvs.set('config:site', { enabled: true, spaces: ['DOC'] });
      await kvs.set('count', 3);
      expect(await kvs.get('config:site')).toEqual({ enabled: true, spaces: ['DOC'] });
      expect(await kvs.get('count')).toBe(3);
      expect(await kvs.get('nothing-here')).toBeUndefined();

      await kvs.delete('count');
      await kvs.delete('never-existed');
      expect(await kvs.get('count')).toBeUndefined();
    });

    it('keeps data across a reopen of the same backend', async () => {
      await kvs.set('durable', 'yes');
      reopen();
      expect(await kvs.get('durable')).toBe('yes');
    });

    it('reports creation and update times on request', async () => {
      await kvs.set('meta', 1);
      now += 5_000;
      await kvs.set('meta', 2);
      const result = await kvs.get('meta', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] });
      expect(result).toEqual({ key: 'meta', value: 2, createdAt: START / 1000, updatedAt: START / 1000 + 5 });
    });
  });

  describe('key policy and return values', () => {
    it('FAIL_IF_EXISTS refuses to overwrite and leaves the value alone', async () => {
      await kvs.set('token:1', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
      const error = await rejection(kvs.set('token:1', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }));
      expect(error.code).toBe('KEY_ALREADY_EXISTS');
      expect(error.responseDetails.status).toBe(409);
      expect(await kvs.get('token:1')).toBe('first');
    });

    it('returns the previous or latest value when asked', async () => {
      const none = await kvs.set('v', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
      expect(none).toBeUndefined();
      const previous = await kvs.set('v', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
      expect(previous).toEqual({ key: 'v', value: 1 });
      const latest = await kvs.set('v', 3, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' });
      expect(latest).toEqual({ key: 'v', value: 3 });
    });
  });

  describe('TTL', () => {
    it('hides an expired item from get, query and batch get, and frees its key', async () => {
      await kvs.set('session:a', 'short', { ttl: { value: 60, unit: 'SECONDS' } });
      await kvs.set('session:b', 'long', { ttl: { value: 1, unit: 'DAYS' } });
      const withExpiry = await kvs.get('session:a', { metadataFields: [MetadataField.EXPIRE_TIME] });
      expect(withExpiry?.expireTime).toBe(new Date(START + 60_000).toISOString());

      now = START + 59_000;
      expect(await kvs.get('session:a')).toBe('short');

      now = START + 60_000;
      expect(await kvs.get('session:a')).toBeUndefined();
      const page = await kvs.query().where('key', WhereConditions.beginsWith('session:')).getMany();
      expect(page.results.map((r) => r.key)).toEqual(['session:b']);
      const batch = await kvs.batchGet([{ key: 'session:a' }, { key: 'session:b' }]);
      expect(batch.successfulKeys.map((r) => r.key)).toEqual(['session:b']);
      expect(batch.failedKeys).toEqual([{ key: 'session:a', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) }]);

      await kvs.set('session:a', 'again', { keyPolicy: 'FAIL_IF_EXISTS' });
      expect(await kvs.get('session:a')).toBe('again');
    });

    it('drops expired items from storage when reopened', async () => {
      await kvs.set('gone', 'soon', { ttl: { value: 1, unit: 'MINUTES' } });
      await kvs.set('kept', 'forever');
      now += 120_000;
      reopen();
      expect(engine.dump().map((item) => item.key)).toEqual(['kept']);
    });
  });

  describe('limits', () => {
    it('accepts a 500-character key and refuses 501 characters or a bad character', async () => {
      await kvs.set('k'.repeat(500), 1);
      expect((await rejection(kvs.set('k'.repeat(501), 1))).code).toBe('INVALID_KEY');
      expect((await rejection(kvs.set('slash/key', 1))).code).toBe('INVALID_KEY');
      expect((await rejection(kvs.set('   ', 1))).code).toBe('INVALID_KEY');
      expect((await rejection(kvs.get('k'.repeat(501)))).code).toBe('INVALID_KEY');
    });

    it('accepts a value of 240 KiB as JSON and refuses one byte more', async () => {
      const fits = 'x'.repeat(240 * 1024 - 2);
      await kvs.set('big', fits);
      expect(await kvs.get('big')).toBe(fits);
      const error = await rejection(kvs.set('big', `${fits}x`));
      expect(error.code).toBe('VALUE_TOO_LARGE');
      expect(error.responseDetails.status).toBe(400);
      expect(await kvs.get('big')).toBe(fits);
    });

    it('limits secrets to 128 KiB', async () => {
      await kvs.setSecret('secret', 'x'.repeat(128 * 1024 - 2));
      expect((await rejection(kvs.setSecret('secret', 'x'.repeat(128 * 1024)))).code).toBe('VALUE_TOO_LARGE');
    });

    it('refuses a query limit above 100', async () => {
      await kvs.query().limit(100).getMany();
      expect((await rejection(kvs.query().limit(101).getMany())).code).toBe('BAD_REQUEST');
      const entityQuery = kvs.entity<Employee>('employee').query().index('age').limit(101).getMany();
      expect((await rejection(entityQuery)).code).toBe('BAD_REQUEST');
    });
  });

  describe('query', () => {
    it('pages through keys with a prefix in key order with opaque cursors', async () => {
      const keys = Array.from({ length: 25 }, (_v, i) => `audit:${String(i).padStart(3, '0')}`);
      for (const key of [...keys].reverse()) await kvs.set(key, { n: key });
      await kvs.set('auditor', 'not in the prefix');
      await kvs.set('other:1', 'other');

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        let query = kvs.query().where('key', WhereConditions.beginsWith('audit:')).limit(10);
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany<{ n: string }>();
        seen.push(...page.results.map((r) => r.key));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(seen).toEqual(keys);
      expect(pages).toBe(3);
    });

    it('refuses a cursor it did not issue', async () => {
      const error = await rejection(kvs.query().cursor('not-a-cursor').getMany());
      expect(error.code).toBe('INVALID_CURSOR');
    });

    it('never returns secrets or entities', async () => {
      await kvs.set('plain', 1);
      await kvs.setSecret('plain-secret', 'hunter2');
      await kvs.entity<Employee>('employee').set('plain-entity', { name: 'Ann' });
      const page = await kvs.query().getMany();
      expect(page.results.map((r) => r.key)).toEqual(['plain']);
    });
  });

  describe('secrets', () => {
    it('stores secrets apart from plain keys', async () => {
      await kvs.setSecret('api-key', 's3cr3t-value');
      expect(await kvs.getSecret('api-key')).toBe('s3cr3t-value');
      expect(await kvs.get('api-key')).toBeUndefined();
      expect(engine.dump()).toContainEqual(expect.objectContaining({ store: 'secret', key: 'api-key', value: 's3cr3t-value' }));
      await kvs.deleteSecret('api-key');
      expect(await kvs.getSecret('api-key')).toBeUndefined();
    });
  });

  describe('custom entities', () => {
    const employees = kvs.entity<Employee>('employee');

    async function seed(): Promise<void> {
      const people: Array<[string, Employee]> = [
        ['e1', { name: 'Ada', team: 'core', age: 36, rating: 4.5, active: true }],
        ['e2', { name: 'Bob', team: 'core', age: 29, rating: 3.1, active: false }],
        ['e3', { name: 'Cy', team: 'core', age: 41, rating: 4.9, active: true }],
        ['e4', { name: 'Dee', team: 'web', age: 29, rating: 2.0, active: true }],
        ['e5', { name: 'Eve', team: 'core', age: 29, rating: 4.0, active: true }],
        ['e6', { name: 'Fay', team: 'core' }],
      ];
      for (const [key, value] of people) await employees.set(key, value);
    }

    it('validates attribute types and names', async () => {
      await employees.set('ok', { name: 'Ok', age: 3, rating: 1, active: false, notes: { any: ['thing'] } });
      expect((await rejection(employees.set('bad', { age: 3.5 }))).code).toBe('VALIDATION_ERROR');
      expect((await rejection(employees.set('bad', { name: 7 } as never))).code).toBe('VALIDATION_ERROR');
      expect((await rejection(employees.set('bad', { salary: 1 } as never))).code).toBe('VALIDATION_ERROR');
      expect((await rejection(kvs.entity('nope').set('x', {}))).code).toBe('BAD_REQUEST');
      expect(await employees.get('ok')).toEqual({ name: 'Ok', age: 3, rating: 1, active: false, notes: { any: ['thing'] } });
      expect(await employees.get('bad')).toBeUndefined();
    });

    it('queries a partitioned index by range, sorted by range then key, both ways', async () => {
      await seed();
      const ascending = await employees.query().index('by-team-age', { partition: ['core'] }).getMany();
      expect(ascending.results.map((r) => r.key)).toEqual(['e2', 'e5', 'e1', 'e3']);
      const descending = await employees
        .query()
        .index('by-team-age', { partition: ['core'] })
        .where(WhereConditions.greaterThanEqualTo(29))
        .sort(Sort.DESC)
        .getMany();
      expect(descending.results.map((r) => r.key)).toEqual(['e3', 'e1', 'e5', 'e2']);
    });

    it('applies every range condition', async () => {
      await seed();
      const keys = async (condition: Parameters<ReturnType<ReturnType<typeof employees.query>['index']>['where']>[0]) =>
        (await employees.query().index('by-team-age', { partition: ['core'] }).where(condition).getMany()).results.map(
          (r) => r.key,
        );
      expect(await keys(WhereConditions.equalTo(29))).toEqual(['e2', 'e5']);
      expect(await keys(WhereConditions.between(30, 41))).toEqual(['e1', 'e3']);
      expect(await keys(WhereConditions.greaterThan(36))).toEqual(['e3']);
      expect(await keys(WhereConditions.lessThan(36))).toEqual(['e2', 'e5']);
      expect(await keys(WhereConditions.lessThanEqualTo(36))).toEqual(['e2', 'e5', 'e1']);
      const byName = await employees
        .query()
        .index('by-team-active-name', { partition: ['core', true] })
        .where(WhereConditions.beginsWith('C'))
        .getMany();
      expect(byName.results.map((r) => r.key)).toEqual(['e3']);
    });

    it('filters with and/or conditions', async () => {
      await seed();
      const and = await employees
        .query()
        .index('age')
        .filters(new Filter<Employee>().and('active', FilterConditions.equalTo(true)).and('rating', FilterConditions.greaterThan(4)))
        .getMany();
      expect(and.results.map((r) => r.key)).toEqual(['e1', 'e3']);
      const or = await employees
        .query()
        .index('age')
        .filters(new Filter<Employee>().or('name', FilterConditions.contains('y')).or('team', FilterConditions.notEqualTo('core')))
        .getMany();
      expect(or.results.map((r) => r.key)).toEqual(['e4', 'e3']);
      const exists = await employees
        .query()
        .index('by-team-active-name', { partition: ['core', true] })
        .filters(new Filter<Employee>().and('rating', FilterConditions.exists()).and('name', FilterConditions.notContains('v')))
        .getMany();
      expect(exists.results.map((r) => r.key)).toEqual(['e1', 'e3']);
    });

    it('refuses filters on any-typed attributes and partitions of the wrong size', async () => {
      const anyFilter = employees.query().index('age').filters(new Filter<Employee>().and('notes', FilterConditions.exists()));
      expect((await rejection(anyFilter.getMany())).code).toBe('BAD_REQUEST');
      expect((await rejection(employees.query().index('by-team-age').getMany())).code).toBe('BAD_REQUEST');
      expect((await rejection(employees.query().index('no-such-index').getMany())).code).toBe('BAD_REQUEST');
    });

    it('pages with cursors; a filtered page may come back short while more follow', async () => {
      await seed();
      const first = await employees.query().index('age').limit(2).getMany();
      expect(first.results.map((r) => r.key)).toEqual(['e2', 'e4']);
      const second = await employees.query().index('age').limit(2).cursor(first.nextCursor!).getMany();
      expect(second.results.map((r) => r.key)).toEqual(['e5', 'e1']);
      const third = await employees.query().index('age').limit(2).cursor(second.nextCursor!).getMany();
      expect(third.results.map((r) => r.key)).toEqual(['e3']);
      expect(third.nextCursor).toBeUndefined();

      const filtered = await employees
        .query()
        .index('age')
        .filters(new Filter<Employee>().and('team', FilterConditions.equalTo('web')))
        .limit(1)
        .getMany();
      expect(filtered.results).toEqual([]);
      expect(filtered.nextCursor).toBeDefined();
    });

    it('leaves items without the range attribute out of the index', async () => {
      await seed();
      const all = await employees.query().index('age').limit(100).getMany();
      expect(all.results.map((r) => r.key)).not.toContain('e6');
      expect(await employees.get('e6')).toEqual({ name: 'Fay', team: 'core' });
    });
  });

  describe('batch operations', () => {
    it('writes the valid items and reports the invalid ones per key', async () => {
      const result = await kvs.batchSet<unknown>([
        { key: 'b1', value: 'one' },
        { key: 'b2', value: 'two', options: { ttl: { value: 1, unit: 'HOURS' } } },
        { key: 'e1', value: { name: 'Ann' }, entityName: 'employee' },
        { key: 'e2', value: { age: 'old' }, entityName: 'employee' },
        { key: 'bad/key', value: 'x' },
      ]);
      expect(result.successfulKeys).toEqual([{ key: 'b1' }, { key: 'b2' }, { key: 'e1', entityName: 'employee' }]);
      expect(result.failedKeys).toEqual([
        { key: 'e2', entityName: 'employee', error: expect.objectContaining({ code: 'VALIDATION_ERROR' }) },
        { key: 'bad/key', error: expect.objectContaining({ code: 'INVALID_KEY' }) },
      ]);

      const read = await kvs.batchGet([
        { key: 'b1' },
        { key: 'e1', entityName: 'employee', options: { metadataFields: [MetadataField.CREATED_AT] } },
        { key: 'missing' },
      ]);
      expect(read.successfulKeys).toEqual([
        { key: 'b1', value: 'one' },
        { key: 'e1', entityName: 'employee', value: { name: 'Ann' }, createdAt: START / 1000 },
      ]);
      expect(read.failedKeys).toEqual([{ key: 'missing', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) }]);

      const deleted = await kvs.batchDelete([{ key: 'b1' }, { key: 'e1', entityName: 'employee' }]);
      expect(deleted.failedKeys).toEqual([]);
      expect(await kvs.get('b1')).toBeUndefined();
      expect(await kvs.get('b2')).toBe('two');
    });

    it('refuses more than 25 items', async () => {
      const items = Array.from({ length: 26 }, (_v, i) => ({ key: `k${i}`, value: i }));
      expect((await rejection(kvs.batchSet(items))).code).toBe('BAD_REQUEST');
      expect(await kvs.get('k0')).toBeUndefined();
      await kvs.batchSet(items.slice(0, 25));
      expect(await kvs.get('k24')).toBe(24);
    });
  });

  describe('transactions', () => {
    it('applies sets and deletes together when every condition holds', async () => {
      await kvs.set('old', 'x');
      await kvs.entity<Employee>('employee').set('boss', { name: 'Bo', age: 50 });
      await kvs
        .transact()
        .set('new', { v: 1 }, undefined, { ttl: { value: 10, unit: 'SECONDS' } })
        .set('emp', { name: 'Em', age: 20 }, { entityName: 'employee' })
        .delete('old')
        .check('boss', { entityName: 'employee', conditions: new Filter<Employee>().and('age', FilterConditions.greaterThan(40)) })
        .execute();
      expect(await kvs.get('new')).toEqual({ v: 1 });
      expect(await kvs.entity<Employee>('employee').get('emp')).toEqual({ name: 'Em', age: 20 });
      expect(await kvs.get('old')).toBeUndefined();
      now += 10_000;
      expect(await kvs.get('new')).toBeUndefined();
    });

    it('applies nothing when a condition fails', async () => {
      await kvs.set('keep', 'original');
      await kvs.entity<Employee>('employee').set('boss', { name: 'Bo', age: 30 });
      const error = await rejection(
        kvs
          .transact()
          .set('keep', 'changed')
          .set('fresh', 'value')
          .delete('boss', { entityName: 'employee', conditions: new Filter<Employee>().and('age', FilterConditions.greaterThan(40)) })
          .execute(),
      );
      expect(error.code).toBe('CONDITIONAL_CHECK_FAILED');
      expect(await kvs.get('keep')).toBe('original');
      expect(await kvs.get('fresh')).toBeUndefined();
      expect(await kvs.entity<Employee>('employee').get('boss')).toEqual({ name: 'Bo', age: 30 });
    });

    it('applies nothing when one write is invalid, and survives a reopen whole', async () => {
      const error = await rejection(kvs.transact().set('fine', 1).set('bad/key', 2).execute());
      expect(error.code).toBe('INVALID_KEY');
      expect(await kvs.get('fine')).toBeUndefined();
      await kvs.transact().set('a', 1).set('b', 2).execute();
      reopen();
      expect([await kvs.get('a'), await kvs.get('b')]).toEqual([1, 2]);
    });

    it('allows at most 25 operations, each on a different item', async () => {
      const tooMany = kvs.transact();
      for (let i = 0; i < 26; i++) tooMany.set(`t${i}`, i);
      expect((await rejection(tooMany.execute())).code).toBe('BAD_REQUEST');
      expect(await kvs.get('t0')).toBeUndefined();

      const enough = kvs.transact();
      for (let i = 0; i < 25; i++) enough.set(`t${i}`, i);
      await enough.execute();
      expect(await kvs.get('t24')).toBe(24);

      expect((await rejection(kvs.transact().set('same', 1).delete('same').execute())).code).toBe('BAD_REQUEST');
    });
  });

  describe('usage counters', () => {
    it('counts requests, operations and bytes per path, and resets', async () => {
      await kvs.set('a', 'xyz');
      await kvs.get('a');
      await kvs.batchSet([{ key: 'b', value: 1 }, { key: 'c', value: 2 }]);
      await kvs.transact().set('d', 1).check('e', { entityName: 'employee', conditions: new Filter<Employee>().and('age', FilterConditions.notExists()) }).execute();
      const counters = engine.counters();
      expect(counters.writeRequests).toBe(3);
      expect(counters.readRequests).toBe(2);
      expect(counters.byPath['/api/v1/batch/set']).toEqual(
        expect.objectContaining({ writeRequests: 1, writeOps: 2, writtenBytes: 4 }),
      );
      expect(counters.byPath['/api/v1/set']).toEqual(expect.objectContaining({ writeOps: 1, writtenBytes: 6 }));
      expect(counters.byPath['/api/v1/transaction']).toEqual(
        expect.objectContaining({ readRequests: 1, writeRequests: 1, readOps: 1, writeOps: 1 }),
      );
      engine.resetCounters();
      expect(engine.counters()).toEqual(expect.objectContaining({ readRequests: 0, writeRequests: 0, byPath: {} }));
    });
  });
});
