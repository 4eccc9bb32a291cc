import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { EmulatedApp } from '../app';
import { sendText } from './http-io';
import { frontendContext, resolveModuleView, type ModuleView } from './module-context';
import type { Site } from './site';
import { resolveInside, sendFile } from './static-files';
import type { UiModule } from './ui-modules';

const BRIDGE_SCRIPT_PATH = '/__local/assets/iframe-bridge.js';

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The built index.html with the local bridge loaded first thing in <head>: a classic script runs
 * before the module scripts, so `globalThis.__bridge` exists when @forge/bridge looks for it.
 */
function withBridge(html: string, context: Record<string, unknown>): string {
  const tag = `<script src="${BRIDGE_SCRIPT_PATH}" data-context="${escapeAttribute(JSON.stringify(context))}"></script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return `${tag}${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${tag}${html.slice(at)}`;
}

function sendIndex(app: EmulatedApp, response: ServerResponse, view: ModuleView): void {
  const file = path.join(view.module.buildDir, 'index.html');
  if (!fs.existsSync(file)) {
    return sendText(response, 404, `${path.relative(process.cwd(), file)} is missing: run npm run build (npm start builds it too).`);
  }
  const html = withBridge(fs.readFileSync(file, 'utf8'), frontendContext(app, view));
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(html);
}

/**
 * `/resources/<resource key>/...`: a module's built Custom UI resource. Its index.html needs
 * `?module=&user=[&space=]` and gets the bridge for that view; every other file is served as built.
 */
export function handleResource(app: EmulatedApp, site: Site, modules: readonly UiModule[], url: URL, response: ServerResponse): void {
  const [, resourceKey = '', ...rest] = url.pathname.slice(1).split('/');
  const resourceModules = modules.filter((module) => module.resourceKey === resourceKey);
  if (resourceModules.length === 0) return sendText(response, 404, `manifest.yml declares no resource ${resourceKey}`);
  if (rest.length === 0) {
    // Built pages load `./assets/...`: they must be served from inside the resource's folder.
    response.writeHead(308, { location: `${url.pathname}/${url.search}` });
    return void response.end();
  }
  const relative = rest.join('/');
  if (relative !== '' && relative !== 'index.html') return sendFile(response, resolveInside(resourceModules[0].buildDir, relative));

  const view = resolveModuleView(site, resourceModules, url.searchParams);
  if (typeof view === 'string') return sendText(response, 400, view);
  sendIndex(app, response, view);
}
