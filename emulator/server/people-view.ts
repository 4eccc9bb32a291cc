import type { ServerResponse } from 'node:http';
import type { ConfluenceState } from '../confluence/model';
import { escapeHtml } from './host-page';
import { sendText } from './http-io';

/**
 * What Confluence's own UI paths (the `webui`, `tinyui`, `download` links of its answers, which the
 * gateway redirects people to) show on the local site: there is no page editor here, so a page or
 * space path shows a short page naming what Confluence would open, and a download path serves the
 * attachment's bytes. Nothing is checked against a signed-in user: the local site has no login.
 */
const PEOPLE_PATH = /^\/wiki\/(?:spaces|pages|display|x|download)\//;

export const isPeopleView = (method: string | undefined, pathname: string) => (method === 'GET' || method === 'HEAD') && PEOPLE_PATH.test(pathname);

function pageIdOf(state: ConfluenceState, url: URL): string | undefined {
  const path = url.pathname.split('/').map((part) => decodeURIComponent(part));
  const [, , kind, a, b, c] = path;
  if (kind === 'spaces' && b === 'pages' && c) return c;
  if (kind === 'x' && a) return Buffer.from(a, 'base64url').toString('utf8');
  if (kind === 'pages') return url.searchParams.get('pageId') ?? undefined;
  if (kind === 'display' && a && b) {
    const space = Object.values(state.spaces).find((candidate) => candidate.key === a);
    const title = b.replace(/\+/g, ' ');
    return Object.values(state.pages).find((page) => page.spaceId === space?.id && page.title === title)?.id;
  }
  return undefined;
}

function html(title: string, lines: string[]): string {
  return `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}`;
}

export function sendPeopleView(state: ConfluenceState, url: URL, response: ServerResponse): void {
  const [, , kind, first, second, name] = url.pathname.split('/');
  if (kind === 'download' && first === 'attachments') {
    const attachment = Object.values(state.attachments).find((item) => item.pageId === second && item.title === decodeURIComponent(name ?? ''));
    if (!attachment) return sendText(response, 404, html('No such attachment', [url.pathname]), 'text/html; charset=utf-8');
    response.writeHead(200, { 'Content-Type': attachment.mediaType, 'Content-Disposition': `attachment; filename="${encodeURIComponent(attachment.title)}"` });
    return void response.end(Buffer.from(attachment.data, 'base64'));
  }
  const page = state.pages[pageIdOf(state, url) ?? ''];
  const space = page ? state.spaces[page.spaceId] : Object.values(state.spaces).find((candidate) => kind === 'spaces' && candidate.key === first);
  if (!page && !space) return sendText(response, 404, html('Nothing here', [`The local site has no page or space at ${url.pathname}.`]), 'text/html; charset=utf-8');
  const lines = page
    ? [`Page ${page.id} in ${space?.key ?? page.spaceId}, version ${page.version.number}. Confluence would open it here.`]
    : [`Space ${space!.key} (${space!.id}). Confluence would open its overview here.`];
  sendText(response, 200, html(page?.title ?? space!.name, [...lines, 'This is the local stand-in of Confluence’s own pages; its REST API is under /wiki/api/v2 and /wiki/rest/api.']), 'text/html; charset=utf-8');
}
