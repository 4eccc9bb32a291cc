import { viewQuery, type ModuleView } from './module-context';
import type { Site } from './site';
import { SPACE_MODULE_TYPES, type UiModule } from './ui-modules';

/** Where Confluence shows each module type, for the switcher and the breadcrumb. */
const PLACES: Record<string, string> = {
  'confluence:globalPage': 'Apps',
  'confluence:spaceSettings': 'Space settings',
  'confluence:globalSettings': 'Confluence administration',
};

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

type Option = { value: string; label: string };

function options(items: Option[], selected: string | undefined): string {
  return items
    .map(({ value, label }) => `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(label)}</option>`)
    .join('');
}

/** Modules grouped by where Confluence shows them. */
function moduleOptions(modules: readonly UiModule[], selected: string): string {
  const places = [...new Set(modules.map((module) => PLACES[module.type] ?? module.type))];
  return places
    .map((place) => {
      const items = modules.filter((module) => (PLACES[module.type] ?? module.type) === place).map((module) => ({ value: module.key, label: module.title }));
      return `<optgroup label="${escapeHtml(place)}">${options(items, selected)}</optgroup>`;
    })
    .join('');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/__local/assets/host.css" />
    <script src="/__local/assets/host.js" defer></script>
  </head>
  <body>
${body}
  </body>
</html>
`;
}

export interface HostPageInput {
  site: Site;
  modules: readonly UiModule[];
  view: ModuleView;
  gatewayUrl: string | undefined;
}

/** `/?module=&user=[&space=]`: a Confluence-like frame around the module's built resource. */
export function renderHostPage({ site, modules, view, gatewayUrl }: HostPageInput): string {
  const { module, user, space } = view;
  const inSpace = SPACE_MODULE_TYPES.includes(module.type);
  const place = PLACES[module.type] ?? module.type;
  const crumbs = [inSpace && space ? `${space.name} (${space.key})` : undefined, place, module.title].filter(Boolean) as string[];
  const userOptions = site.users.map((candidate) => ({ value: candidate.accountId, label: `${candidate.displayName} (${candidate.accountId})` }));
  const spaceOptions = site.spacesVisibleTo(user.accountId).map((candidate) => ({ value: candidate.key, label: `${candidate.key} · ${candidate.name}` }));
  return page(
    `${module.title} · Confluence (local)`,
    `    <header class="topbar">
      <a class="brand" href="/"><span class="logo" aria-hidden="true"></span>Confluence <span class="badge">local</span></a>
      <form class="switcher" method="get" action="/">
        <label>Module <select name="module">${moduleOptions(modules, module.key)}</select></label>
        <label>User <select name="user">${options(userOptions, user.accountId)}</select></label>
        <label>Space <select name="space"${inSpace ? '' : ' disabled title="Only space modules open in a space"'}>${options(spaceOptions, space?.key)}</select></label>
        <noscript><button type="submit">Show</button></noscript>
      </form>
      ${gatewayUrl ? `<p class="gateway">Gateway <code>${escapeHtml(gatewayUrl)}</code></p>` : ''}
    </header>
    <div class="crumbs">${crumbs.map(escapeHtml).join(' / ')}</div>
    <main>
      <iframe title="${escapeHtml(module.title)}" src="/resources/${encodeURIComponent(module.resourceKey)}/?${escapeHtml(viewQuery(view))}" allow="clipboard-write"></iframe>
    </main>
    <div id="flags" class="flags" aria-live="polite"></div>`,
  );
}

/** A view someone may open instead, for a problem page. */
export interface ViewLink {
  label: string;
  href: string;
}

/**
 * The host page's answer to a URL naming no valid view (e.g. a space module for a user who sees no
 * space): what is wrong, and the views that do open, instead of a bare error.
 */
export function renderProblemPage(problem: string, instead: readonly ViewLink[] = []): string {
  const links = instead.map((link) => `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`).join('');
  return page(
    'Confluence (local)',
    `    <main class="problem"><h1>That view does not exist</h1><p>${escapeHtml(problem)}</p>${
      links ? `<p>Views that open:</p><ul>${links}</ul>` : ''
    }<p><a href="/">Start over</a></p></main>`,
  );
}

/** Every view that opens for `accountId` (or for everyone), as the problem page offers them. */
export function viewLinks(site: Site, modules: readonly UiModule[], accountId?: string): ViewLink[] {
  const users = site.users.filter((user) => accountId === undefined || user.accountId === accountId);
  return modules.flatMap((module) =>
    (users.length > 0 ? users : site.users).flatMap((user) => {
      const query = new URLSearchParams({ module: module.key, user: user.accountId });
      if (!SPACE_MODULE_TYPES.includes(module.type)) return [{ label: `${module.title} as ${user.displayName}`, href: `/?${query}` }];
      return site.spacesVisibleTo(user.accountId).map((space) => {
        query.set('space', space.key);
        return { label: `${module.title} in ${space.key} as ${user.displayName}`, href: `/?${query}` };
      });
    }),
  );
}
