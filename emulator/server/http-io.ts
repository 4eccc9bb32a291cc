import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Forge's web trigger payload limit, and Confluence's own. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super('The request body is over 5 MB.');
  }
}

/**
 * Reads the whole body, refusing it as soon as it is known to be over `limit` bytes: from
 * Content-Length before reading anything, or while counting a chunked body. Never buffers more.
 */
export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off('data', onData);
      chunks.length = 0;
      reject(new BodyTooLargeError());
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function sendJson(response: ServerResponse, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(body);
}

export function sendText(response: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(text);
}

/** An error in the local server's own envelope: `{error: {code, message}}`. */
export function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { error: { code, message } });
}

/**
 * Refuses an oversized body without reading the rest: the connection is closed once the 413 is out,
 * so the client stops sending.
 */
export function sendTooLarge(response: ServerResponse, body: unknown): void {
  sendJson(response, 413, body, { connection: 'close' });
}
