/**
 * Third-party clients for the gateway, each in its own Node process (they are ESM-only and jest runs
 * CommonJS): confluence.js behind a line-based JSON driver, and MCP servers (mcp-atlassian, @answerai/confluence-mcp) as they are,
 * spoken to over stdio with the MCP SDK's own client.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

export interface DriverError {
  name?: string;
  status?: number;
  message: string;
  body?: unknown;
}

export type DriverAnswer = { result: any } | { error: DriverError };

/** confluence.js (v1 and v2 clients) configured with `host` = the gateway URL and the token as the API token. */
export class ConfluenceJs {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, (answer: DriverAnswer) => void>();
  private nextId = 1;

  constructor(gatewayUrl: string, token: string) {
    this.child = spawn(process.execPath, [path.join(__dirname, 'confluence-js-driver.mjs')], {
      env: { ...process.env, GATEWAY_URL: gatewayUrl, GATEWAY_TOKEN: token },
    });
    readline.createInterface({ input: this.child.stdout }).on('line', (line) => {
      const { id, ...answer } = JSON.parse(line) as { id: number } & DriverAnswer;
      this.pending.get(id)?.(answer);
      this.pending.delete(id);
    });
  }

  call(api: 'v1' | 'v2', namespace: string, method: string, params?: unknown): Promise<DriverAnswer> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.stdin.write(`${JSON.stringify({ id, api, namespace, method, params })}\n`);
    });
  }

  /** The call's result; fails the test with the client's error otherwise. */
  async ok(api: 'v1' | 'v2', namespace: string, method: string, params?: unknown): Promise<any> {
    const answer = await this.call(api, namespace, method, params);
    if ('error' in answer) throw new Error(`confluence.js ${api}.${namespace}.${method} failed: ${JSON.stringify(answer.error)}`);
    return answer.result;
  }

  close(): void {
    this.child.kill();
  }
}

export interface McpServer {
  client: Client;
  /** The tool's answer as the agent reads it: its text, and that text as JSON when it is JSON. */
  tool: (name: string, args: Record<string, unknown>) => Promise<{ text: string; isError: boolean; json: any }>;
  close: () => Promise<void>;
}

/** mcp-atlassian's MCP server with `ATLASSIAN_BASE_URL` = the gateway URL, as a user would configure it. */
export function startMcpAtlassian(gatewayUrl: string, token: string): Promise<McpServer> {
  return startMcpServer(require.resolve('mcp-atlassian/dist/index.js'), { ATLASSIAN_BASE_URL: gatewayUrl, ATLASSIAN_EMAIL: 'someone@example.com', ATLASSIAN_API_TOKEN: token, LOG_LEVEL: 'error' });
}

/** An MCP server on npm, run from its own entry point in its own process and spoken to over stdio, with only `env` (and PATH) set. */
export async function startMcpServer(entry: string, env: Record<string, string>): Promise<McpServer> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [entry],
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'gateway-tests', version: '1.0.0' });
  await client.connect(transport);
  const tool = async (name: string, args: Record<string, unknown>) => {
    const result = (await client.callTool({ name, arguments: args })) as { content: Array<{ type: string; text?: string }>; isError?: boolean };
    const text = result.content.map((part) => part.text ?? '').join('\n');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { text, isError: result.isError === true, json };
  };
  return { client, tool, close: () => client.close() };
}
