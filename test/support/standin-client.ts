import { ConfluenceStandIn, SEED } from '../../emulator/confluence';

export const NOW = '2025-03-04T05:06:07.000Z';

export type Who = keyof typeof SEED.users;

export interface Answer {
  status: number;
  headers: Record<string, string>;
  json: any;
}

/** A fresh stand-in at a fixed time. */
export function standIn(options: ConstructorParameters<typeof ConfluenceStandIn>[0] = {}) {
  return new ConfluenceStandIn({ clock: () => new Date(NOW), ...options });
}

/** One call to the stand-in as a seeded user (or the app user), as the platform's proxy makes it. */
export async function call(confluence: ConfluenceStandIn, who: Who, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await confluence.handle({
    method,
    path,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    identity: who === 'app' ? { kind: 'app' } : { kind: 'user', accountId: SEED.users[who].accountId },
  });
  return { status: response.status, headers: response.headers, json: response.body ? JSON.parse(response.body) : undefined };
}
