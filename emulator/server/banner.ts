import path from 'node:path';
import type { ScheduleInterval } from '../platform';
import { KVS_RATE_LIMITS_VARIABLE } from './environment';
import type { LocalServer } from './server';
import { SPACE_MODULE_TYPES } from './ui-modules';

const EVERY: Record<ScheduleInterval, string> = { fiveMinute: 'five minutes', hour: 'hour', day: 'day', week: 'week' };

/** What `npm start` prints once it listens: where everything is, and as whom one can act. */
export function describeServer(server: LocalServer, dataDir: string, options: { demo?: boolean } = {}): string {
  const { url, site, modules } = server;
  const relative = path.relative(process.cwd(), dataDir);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? dataDir : relative;
  const lines = [
    `Space-scoped API tokens, running locally at ${url}`,
    `State: ${shown} (npm start -- --reset starts again from the seed; npm start -- --demo from the seed plus a month of traffic)`,
    options.demo ? 'Demo: alice and bob hold five tokens whose scripts ran for a month; charts and use counts show it.' : 'No traffic yet: charts fill as tokens are used (npm start -- --demo shows a month of it).',
    `Server process ${process.pid}: Ctrl-C, or kill ${process.pid}, stops it and releases the data folder.`,
    '',
  ];
  lines.push('Custom UI, one host page per module and user (switch module, user and space on the page):');
  for (const module of modules) {
    lines.push(`  ${module.title} (${module.key})`);
    for (const user of site.users) {
      const link = `    ${user.accountId.padEnd(10)} ${url}/?module=${module.key}&user=${user.accountId}`;
      if (!SPACE_MODULE_TYPES.includes(module.type)) lines.push(link);
      else {
        // A space the user can see (carol sees none of alice's): the first, as the page would choose.
        const space = site.spacesVisibleTo(user.accountId)[0];
        if (space) lines.push(`${link}&space=${space.key}`);
      }
    }
  }
  lines.push('');
  for (const [key, triggerUrl] of Object.entries(server.webTriggerUrls)) lines.push(`Web trigger ${key}: ${triggerUrl}`);
  for (const trigger of server.app.manifest.scheduledTriggers) {
    lines.push(`Scheduled trigger ${trigger.key}: every ${EVERY[trigger.interval]}; run it now with POST ${url}/__local/scheduled/${trigger.key}`);
  }
  lines.push(`Resolvers: POST ${url}/__local/invoke {moduleKey, key, payload} with X-Local-Account-Id: <user>`);
  lines.push(`Confluence stand-in: ${url}/wiki/api/v2/... with X-Local-Account-Id: <user>`);
  lines.push(`Users: ${site.users.map((user) => `${user.accountId} (${user.displayName})`).join(', ')}`);
  lines.push(
    server.kvsRateLimits
      ? "KVS: Forge's per-minute budgets enforced (4,000 reads, 4,000 writes; past them storage answers 429)"
      : `KVS: unlimited (${KVS_RATE_LIMITS_VARIABLE}=1 npm start enforces Forge's per-minute budgets)`,
  );
  return lines.join('\n');
}
