import { EmulatedApp } from '../../emulator/app';
import { gateway, issueToken } from './fixture';

export interface Answer {
  status: number;
  body: string;
}

export interface Call {
  method: string;
  /** With its query string, e.g. `/wiki/api/v2/pages/1?body-format=storage`. */
  path: string;
  body?: string;
}

/** The two ways a script reaches Confluence: through the gateway with a token, or directly as the user. */
export interface Transport {
  readonly kind: string;
  issueToken(accountId: string): Promise<string>;
  /** A resolver call as `accountId`, as the Custom UI makes it. */
  invoke(accountId: string, key: string, payload?: unknown): Promise<unknown>;
  viaGateway(token: string, call: Call): Promise<Answer>;
  direct(accountId: string, call: Call): Promise<Answer>;
  close(): Promise<void>;
}

const JSON_HEADERS = { accept: 'application/json', 'content-type': 'application/json' };

/** The app's web trigger and the Confluence stand-in called in this process, with no HTTP in between. */
export function inProcessTransport(): Transport {
  const app = EmulatedApp.start();
  return {
    kind: 'in-process, no HTTP',
    issueToken: async (accountId) => (await issueToken(app, accountId)).token,
    invoke: (accountId, key, payload = {}) => app.invoke(accountId, key, payload),
    async viaGateway(token, { method, path, body }) {
      const [pathname, search = ''] = path.split('?');
      const response = await gateway(app, {
        method,
        path: pathname,
        authorization: `Bearer ${token}`,
        query: Object.fromEntries(new URLSearchParams(search)),
        headers: JSON_HEADERS,
        body,
      });
      return { status: response.statusCode, body: response.body ?? '' };
    },
    async direct(accountId, { method, path, body }) {
      const response = await app.confluence.handle({ method, path, headers: JSON_HEADERS, body, identity: { kind: 'user', accountId } });
      return { status: response.status, body: response.body };
    },
    close: async () => app.close(),
  };
}

/** HTTP against the local server by default; `in-process` when asked. */
export async function openTransport(kind: string | undefined): Promise<Transport> {
  if (kind === 'in-process') return inProcessTransport();
  if (kind !== undefined && kind !== 'http') throw new Error(`--transport must be http or in-process, not ${kind}`);
  const { httpTransport } = await import('./http-transport');
  return httpTransport();
}
