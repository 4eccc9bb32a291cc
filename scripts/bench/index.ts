/**
 * `npm run bench [-- --json] [-- --transport=http|in-process]`: what the gateway costs, in CPU, latency,
 * storage and bundle size. Prints tables; with --json, also one JSON object on the last line.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { measureBackendBundle, measureUiBundles } from './bundles';
import { measureKvsCost } from './kvs-cost';
import { measureRouteCosts } from './route-costs';
import { measureCrossBranchMove, measurePageTreeCosts, measureTreeLists } from './page-tree-costs';
import { compareLatency, REQUESTS_PER_SIDE } from './latency';
import { foldEventsPerMinuteWorst, measureFoldRuns, measureListings, SEEDED_EVENTS, SEEDED_TOKENS, UNFOLDED_EVENTS } from './listing';
import { CHART_EVENTS, measureChart } from './chart';
import { measurePrivacyReport, PRIVACY_OWNERS } from './privacy';
import { benchForged } from './forged';
import { benchRevokedFlood, benchRotatedOutLockout, REQUESTS_PER_REVOKED_ID, REVOKED_IDS, ROTATED_OUT_REQUESTS } from './dead-credentials';
import { benchMalformed } from './malformed';
import { formatTable } from './table';
import { openTransport } from './transport';
import { round } from './stats';
import { FIRST_LOAD_BUDGET_GZIP_BYTES, measureUiLoad, UI_LOAD_RUNS } from './ui-load';
import { benchVerify } from './verify';

const args = process.argv.slice(2);
const json = args.includes('--json');
const transportArg = args.find((arg) => arg.startsWith('--transport='))?.split('=')[1];

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return { nproc: os.availableParallelism(), cpu: model, node: process.version };
}

const log = (text: string) => console.log(text);
const progress = (step: string) => process.stderr.write(`bench: ${step}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const host = machine();
  log(`Machine: ${host.nproc} × ${host.cpu}, Node ${host.node}\n`);

  progress('token verification');
  const verifyPeppered = benchVerify('bench-pepper');
  const verifyPlain = benchVerify(undefined);
  log(
    formatTable('Token check in CPU µs per token (Authorization header → parse → checksum → hash → compare; no storage)', [
      { hash: 'HMAC-SHA-256 (pepper set)', p50: verifyPeppered.p50, p99: verifyPeppered.p99 },
      { hash: 'salted SHA-256 (no pepper)', p50: verifyPlain.p50, p99: verifyPlain.p99 },
    ]),
  );

  progress('malformed tokens');
  const malformed = await benchMalformed();
  log(
    formatTable('Malformed or bad-checksum tokens through the web trigger (in-process)', [
      { requests: malformed.requests, 'p50 µs': malformed.p50, 'p99 µs': malformed.p99, 'storage requests': malformed.storageOps },
    ]),
  );

  progress('forged tokens');
  const forged = await benchForged();
  log(
    formatTable("Well-formed tokens not minted by this installation (checksums under another key), warm instance", [
      { requests: forged.requests, 'KVS requests + operations': forged.storageOps },
    ]),
  );

  progress('credentials that cannot work');
  const revokedFlood = await benchRevokedFlood();
  const rotatedOut = await benchRotatedOutLockout();
  log(
    formatTable("Credentials that cannot work, one warm instance, Forge's KVS budgets on", [
      {
        scenario: `${REVOKED_IDS} revoked ids × ${REQUESTS_PER_REVOKED_ID} requests, a valid token after each round`,
        requests: revokedFlood.requests,
        'storage reads naming a revoked id': revokedFlood.storageReads,
        'valid token always 200': String(revokedFlood.validTokenAlways200),
      },
      {
        scenario: `${ROTATED_OUT_REQUESTS} requests with a rotated-out secret, then the new one`,
        requests: ROTATED_OUT_REQUESTS + 1,
        'storage reads naming a revoked id': '',
        'valid token always 200': String(!rotatedOut.lockout),
      },
    ]),
  );

  progress('storage per request');
  const costs = await measureKvsCost();
  log(
    formatTable('KVS requests per gateway request (user agent and client address at their stored maximum)', costs.map((cost) => ({
      request: cost.name,
      outcome: cost.outcome,
      status: cost.status,
      reads: cost.reads,
      writes: cost.writes,
      'bytes read': cost.readBytes,
      'bytes written': cost.writeBytes,
    }))),
  );

  progress('cost per route');
  const routeCosts = await measureRouteCosts();
  log(
    formatTable('Per route, one successful request (warm instance): Confluence calls and KVS requests', routeCosts.map((cost) => ({
      route: cost.route,
      status: cost.status,
      'Confluence calls': cost.upstreamCalls,
      'of which user look-ups': cost.userLookUps,
      'KVS reads': cost.reads,
      'KVS writes': cost.writes,
    }))),
  );

  progress('page-tree scope per route');
  const treeCosts = await measurePageTreeCosts();
  const treeMove = await measureCrossBranchMove();
  log(
    formatTable('Confluence calls per route: token for the whole space vs limited to a page tree (pages two levels below its root)', [...treeCosts, treeMove].map((cost) => ({
      route: cost.route,
      'whole space': cost.wholeSpace,
      'page tree': cost.pageTree,
      extra: cost.extra,
    }))),
  );

  progress('page-tree lists');
  const treeLists = await measureTreeLists();
  log(
    formatTable('Confluence calls per page list, token limited to a page tree (lists of 250 asked over 120 branches, newest first)', treeLists.map((cost) => ({
      route: cost.route,
      'pages kept': cost.kept,
      calls: cost.calls,
    }))),
  );

  progress('gateway vs direct latency');
  const transport = await openTransport(transportArg);
  let latency;
  try {
    latency = await compareLatency(transport);
  } finally {
    await transport.close();
  }
  log(
    formatTable(`Median latency, gateway vs direct to the Confluence stand-in (${transport.kind}, ${REQUESTS_PER_SIDE} each, interleaved)`, latency.map((row) => ({
      operation: row.operation,
      'gateway ms': row.gatewayMedianMs,
      'direct ms': row.directMedianMs,
      ratio: row.ratio,
    }))),
  );

  progress(`listings over ${SEEDED_TOKENS} tokens and ${SEEDED_EVENTS + UNFOLDED_EVENTS} audit events`);
  const listing = await measureListings();
  log(
    formatTable(`First pages of the token lists and a space's audit log: ${SEEDED_TOKENS.toLocaleString('en-US')} tokens and ${SEEDED_EVENTS.toLocaleString('en-US')} audit events stored, and ${UNFOLDED_EVENTS.toLocaleString('en-US')} unfolded events on the 20 tokens listed first (seeded in ${(listing.seedMs / 1000).toFixed(1)} s)`, listing.costs.map((cost) => ({
      listing: cost.listing,
      items: cost.items,
      'KVS requests': cost.kvsRequests,
      queries: cost.queries,
      writes: cost.writes,
      'bytes read': cost.readBytes,
      ms: cost.ms,
      'of which emulated KVS ms': cost.emulatedKvsMs,
    }))),
  );

  progress('background fold runs');
  const foldRuns = await measureFoldRuns();
  log(
    formatTable('Background fold (scheduled trigger fold-audit-events), one row per run until caught up', foldRuns.map((run) => ({
      scenario: run.scenario,
      run: run.run,
      'events folded': run.eventsFolded,
      'index pages': run.pages,
      'KVS read requests': run.readRequests,
      'KVS write requests': run.writeRequests,
      'items written': run.writeOps,
      ms: run.ms,
    }))),
  );

  progress(`activity chart over ${CHART_EVENTS} events`);
  const chart = await measureChart();
  log(
    formatTable(`The space's activity chart with ${CHART_EVENTS.toLocaleString('en-US')} requests in its 30 days (largest folded cell ${chart.largestCellBytes} bytes)`, chart.costs.map((cost) => ({
      chart: cost.chart,
      'requests shown': cost.requestsShown,
      'KVS requests': cost.kvsRequests,
      'bytes read': cost.readBytes,
    }))),
  );

  progress(`personal data report over ${PRIVACY_OWNERS} owners`);
  const privacy = await measurePrivacyReport();
  log(
    formatTable(`One personal data reporting cycle over ${PRIVACY_OWNERS.toLocaleString('en-US')} token owners`, [
      { 'reporting calls': privacy.report.calls, 'KVS reads': privacy.kvsReadRequests, 'bytes read': privacy.kvsReadBytes, 'KVS writes': privacy.kvsWriteRequests },
    ]),
  );

  progress('bundles');
  const backend = await measureBackendBundle();
  const ui = measureUiBundles();
  log(
    formatTable(`Backend bundle: ${backend.bytes.toLocaleString('en-US')} bytes minified, ${backend.gzipBytes.toLocaleString('en-US')} gzip`, Object.entries(backend.byPackage)
      .sort(([, a], [, b]) => b - a)
      .map(([name, bytes]) => ({ package: name, 'minified bytes': bytes }))),
  );
  log(formatTable('Custom UI builds (every file, gzip)', Object.entries(ui).map(([name, bytes]) => ({ module: name, 'gzip bytes': bytes }))));

  progress('Custom UI first load in Chromium');
  // After measureUiBundles: it has just built every module afresh.
  const uiLoad = await measureUiLoad();
  log(
    formatTable(`Custom UI first load in headless Chromium: scripts and styles fetched from the resource, gzip -9 (budget ${FIRST_LOAD_BUDGET_GZIP_BYTES.toLocaleString('en-US')}); ready = navigation to the first table, median of ${UI_LOAD_RUNS}`, uiLoad.map((load) => ({
      page: load.page,
      files: load.files.length,
      'gzip bytes': load.gzipBytes,
      'ready ms': load.readyMs,
    }))),
  );

  const byName = (name: string) => latency.find((row) => row.operation === name)!.ratio;
  const spaceView = listing.costs.filter((cost) => cost.listing.startsWith('space'));
  const foldMax = (field: 'eventsFolded' | 'readRequests' | 'writeRequests' | 'writeOps') => Math.max(...foldRuns.map((run) => run[field]));
  const figures = {
    verify_us_p50: round(verifyPeppered.p50),
    verify_us_p99: round(verifyPeppered.p99),
    malformed_us_p50: round(malformed.p50),
    malformed_storage_ops: malformed.storageOps,
    forged_storage_ops: forged.storageOps,
    /** Issue 16's outage: 15 revoked ids × 300 requests on one instance; storage reads that name a revoked id. */
    revoked_flood_storage_reads: revokedFlood.storageReads,
    revoked_flood_valid_token_always_200: revokedFlood.validTokenAlways200,
    /** After 320 requests with a rotated-out secret, the new secret is refused (it must not be). */
    rotated_out_lockout: rotatedOut.lockout,
    gateway_vs_direct_ratio: round(byName('read')),
    gateway_create_ratio: round(byName('create')),
    gateway_update_ratio: round(byName('update')),
    kvs_reads_per_request: Math.max(...costs.map((cost) => cost.reads), ...routeCosts.map((cost) => cost.reads)),
    /** Reads write their audit event once; changes write it before Confluence is asked, then with the result. */
    kvs_writes_per_request: {
      read: Math.max(...costs.filter((cost) => cost.method === 'GET').map((cost) => cost.writes), ...routeCosts.filter((cost) => cost.route.startsWith('GET ')).map((cost) => cost.writes)),
      change: Math.max(...costs.filter((cost) => cost.method !== 'GET').map((cost) => cost.writes), ...routeCosts.filter((cost) => !cost.route.startsWith('GET ')).map((cost) => cost.writes)),
    },
    /** Confluence calls per successful request, by route (method and path template). */
    upstream_calls: Object.fromEntries(routeCosts.map((cost) => [cost.route, cost.upstreamCalls])),
    upstream_calls_max: Math.max(...routeCosts.map((cost) => cost.upstreamCalls)),
    /** Batched user look-ups per request (people in v1 answers); remembered per instance, so often 0. */
    user_lookup_calls_max: Math.max(...routeCosts.map((cost) => cost.userLookUps)),
    /** Confluence calls per route for a token limited to a page tree, on pages two levels below its root. */
    page_tree_upstream_calls: Object.fromEntries(treeCosts.map((cost) => [cost.route, cost.pageTree])),
    /** The most any route in the table costs over the same route for a whole-space token. */
    page_tree_extra_calls_max: Math.max(...treeCosts.map((cost) => cost.extra)),
    /** A move across branches of a tree: the page's and the new parent's ancestors both asked. */
    page_tree_move_extra_calls: treeMove.extra,
    /** The most Confluence calls a page list makes for a token limited to a page tree, whatever its size (issue 16, item 6). */
    page_tree_list_calls_max: Math.max(...treeLists.map((cost) => cost.calls)),
    kvs_write_bytes_per_request: Math.max(...costs.map((cost) => cost.writeBytes)),
    kvs_read_bytes_per_request: Math.max(...costs.map((cost) => cost.readBytes)),
    backend_bundle_bytes: backend.bytes,
    ui_bundle_gzip_bytes: ui,
    ui_first_load_gzip_bytes: Object.fromEntries(uiLoad.map((load) => [load.page, load.gzipBytes])),
    ui_ready_ms: Object.fromEntries(uiLoad.map((load) => [load.page, round(load.readyMs)])),
    /** KVS requests for the first page of each token list, with 10,000 unfolded events on the listed tokens. */
    list_kvs_requests: listing.listKvsRequests,
    space_listing_queries: spaceView.reduce((sum, cost) => sum + cost.kvsRequests, 0),
    space_listing_ms: round(spaceView.reduce((sum, cost) => sum + cost.ms, 0)),
    /** The same without the emulated KVS's answers, whose queries scan every stored item. */
    space_listing_app_ms: round(spaceView.reduce((sum, cost) => sum + cost.ms - cost.emulatedKvsMs, 0)),
    /** The most one background fold run folded and cost. */
    fold_run: {
      events_folded_max: foldMax('eventsFolded'),
      kvs_read_requests_max: foldMax('readRequests'),
      kvs_write_requests_max: foldMax('writeRequests'),
      items_written_max: foldMax('writeOps'),
    },
    /** Events 25 tokens × 10 spaces interleaved: what one run folds, per minute between runs (every 5 minutes). */
    fold_events_per_minute_worst: foldEventsPerMinuteWorst(foldRuns),
    chart_kvs_reads: Math.max(...chart.costs.map((cost) => cost.kvsRequests)),
    /** KVS reads of one personal data reporting cycle over 10,000 token owners (none closed). */
    privacy_report_kvs_reads: privacy.kvsReadRequests,
    chart_cell_bytes_max: chart.largestCellBytes,
    latency_transport: transport.kind,
    machine: host,
  };
  const shown = (value: unknown) => (typeof value !== 'object' ? (value as string | number) : JSON.stringify(value).length <= 120 ? JSON.stringify(value) : '(in the table above; all of it with --json)');
  log(formatTable('Figures', Object.entries(figures).map(([name, value]) => ({ figure: name, value: shown(value) }))));
  progress(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (json) log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
