import { pageBody, SEED } from './fixture';
import { median } from './stats';
import type { Answer, Call, Transport } from './transport';

export const REQUESTS_PER_SIDE = 1_000;
const WARMUP = 50;
const OWNER = 'alice';
const DOCS = SEED.spaces.DOCS;

export interface Comparison {
  operation: string;
  gatewayMedianMs: number;
  directMedianMs: number;
  ratio: number;
}

interface Workload {
  operation: string;
  /** The i-th call on one side; each side keeps its own state (e.g. its page's version). */
  next: (side: 'gateway' | 'direct', i: number) => Call;
  expect: number;
  /** Called with each answer, e.g. to learn a page's new version. */
  observe?: (side: 'gateway' | 'direct', answer: Answer) => void;
}

async function timed(send: () => Promise<Answer>, expect: number, label: string): Promise<{ ms: number; answer: Answer }> {
  const start = performance.now();
  const answer = await send();
  const ms = performance.now() - start;
  if (answer.status !== expect) throw new Error(`${label}: expected ${expect}, got ${answer.status} ${answer.body.slice(0, 300)}`);
  return { ms, answer };
}

/** Alternates gateway and direct calls (which goes first alternates too), so drift hits both sides alike. */
async function compare(transport: Transport, token: string, workload: Workload, requests: number): Promise<Comparison> {
  const samples = { gateway: [] as number[], direct: [] as number[] };
  const send = (side: 'gateway' | 'direct', i: number) => {
    const call = workload.next(side, i);
    return side === 'gateway' ? transport.viaGateway(token, call) : transport.direct(OWNER, call);
  };
  for (let i = 0; i < WARMUP + requests; i++) {
    const order: Array<'gateway' | 'direct'> = i % 2 === 0 ? ['gateway', 'direct'] : ['direct', 'gateway'];
    for (const side of order) {
      const { ms, answer } = await timed(() => send(side, i), workload.expect, `${workload.operation} ${side}`);
      workload.observe?.(side, answer);
      if (i >= WARMUP) samples[side].push(ms);
    }
  }
  const gatewayMedianMs = median(samples.gateway);
  const directMedianMs = median(samples.direct);
  return { operation: workload.operation, gatewayMedianMs, directMedianMs, ratio: gatewayMedianMs / directMedianMs };
}

async function createPage(transport: Transport, title: string): Promise<string> {
  const answer = await transport.direct(OWNER, { method: 'POST', path: '/wiki/api/v2/pages', body: pageBody({ spaceId: DOCS.id, title }) });
  if (answer.status !== 200) throw new Error(`Could not create ${title}: ${answer.status}`);
  return (JSON.parse(answer.body) as { id: string }).id;
}

/** Median latency through the gateway over the same call made directly, for reading, creating and updating a page. */
export async function compareLatency(transport: Transport, requests = REQUESTS_PER_SIDE): Promise<Comparison[]> {
  // The per-token limit at its highest: this measures the gateway's latency, not its throttling.
  const { policy } = (await transport.invoke('siteadmin', 'getPolicy')) as { policy: Record<string, unknown> };
  await transport.invoke('siteadmin', 'setPolicy', { ...policy, maxRequestsPerMinute: 10_000, maxRequestsPerOwnerPerMinute: 10_000 });
  const token = await transport.issueToken(OWNER);
  const read: Workload = { operation: 'read', expect: 200, next: () => ({ method: 'GET', path: `/wiki/api/v2/pages/${SEED.pages.gettingStarted.id}?body-format=storage` }) };
  const create: Workload = {
    operation: 'create',
    expect: 200,
    next: (side, i) => ({ method: 'POST', path: '/wiki/api/v2/pages', body: pageBody({ spaceId: DOCS.id, title: `Bench ${side} ${i}` }) }),
  };
  // Each side updates its own page, so neither sees the other's version numbers.
  const pages = { gateway: { id: await createPage(transport, 'Bench via gateway'), version: 1 }, direct: { id: await createPage(transport, 'Bench direct'), version: 1 } };
  const update: Workload = {
    operation: 'update',
    expect: 200,
    next: (side) => {
      const page = pages[side];
      return { method: 'PUT', path: `/wiki/api/v2/pages/${page.id}`, body: pageBody({ id: page.id, title: `Bench ${side} v${page.version + 1}`, version: page.version + 1 }) };
    },
    observe: (side, answer) => {
      pages[side].version = (JSON.parse(answer.body) as { version: { number: number } }).version.number;
    },
  };
  const results: Comparison[] = [];
  for (const workload of [read, create, update]) results.push(await compare(transport, token, workload, requests));
  return results;
}
