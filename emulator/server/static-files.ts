import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { sendText } from './http-io';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** `relative` inside `root`, or undefined when it would escape it (`..`, absolute paths, bad escapes). */
export function resolveInside(root: string, relative: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, `.${path.posix.sep}${decoded}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

/** Streams a file, or answers 404 when it is not a regular file. */
export function sendFile(response: ServerResponse, file: string | undefined): void {
  const stat = file === undefined ? undefined : fs.statSync(file, { throwIfNoEntry: false });
  if (file === undefined || !stat?.isFile()) return sendText(response, 404, 'Not found');
  response.writeHead(200, { 'content-type': contentType(file), 'content-length': stat.size, 'cache-control': 'no-cache' });
  fs.createReadStream(file).pipe(response);
}
