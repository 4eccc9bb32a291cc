// Runs confluence.js (ESM-only) in its own Node process for the jest tests, which talk to it over
// stdin/stdout: one JSON request per line, `{id, api: 'v1'|'v2', namespace, method, params}`, one JSON
// answer per line, `{id, result}` or `{id, error: {name, status, message, body}}`. The client is used
// exactly as its README shows; `host` is the gateway's URL, the token the API token's password.
import readline from 'node:readline';
import { createV1Client, createV2Client } from 'confluence.js';

const config = {
  host: process.env.GATEWAY_URL,
  auth: { type: 'basic', email: 'someone@example.com', apiToken: process.env.GATEWAY_TOKEN },
  retry: { retries: 0 },
};
const clients = { v1: createV1Client(config), v2: createV2Client(config) };

/** `{filename, text}` attachments arrive as JSON; the client takes Buffers. */
function revive(params) {
  if (params?.attachments) {
    const list = Array.isArray(params.attachments) ? params.attachments : [params.attachments];
    params.attachments = list.map(({ filename, text, base64 }) => ({ filename, content: base64 !== undefined ? Buffer.from(base64, 'base64') : Buffer.from(text, 'utf8') }));
  }
  return params;
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  const { id, api, namespace, method, params } = JSON.parse(line);
  let answer;
  try {
    const result = await clients[api][namespace][method](revive(params));
    answer = { id, result: result === undefined ? null : result };
  } catch (error) {
    answer = { id, error: { name: error?.name, status: error?.status, message: String(error?.message ?? error), body: error?.body ?? null } };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
});
