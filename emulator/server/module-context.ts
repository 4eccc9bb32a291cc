import type { EmulatedApp } from '../app';
import { SPACE_MODULE_TYPES, type UiModule } from './ui-modules';
import type { LocalSpace, LocalUser, Site } from './site';

/** One rendering of a module: who looks at it, and in which space for a space module. */
export interface ModuleView {
  module: UiModule;
  user: LocalUser;
  space?: LocalSpace;
}

/** The `module`, `user` and `space` query parameters of a host page or resource URL, checked against the site. */
export function resolveModuleView(site: Site, modules: readonly UiModule[], query: URLSearchParams): ModuleView | string {
  const module = modules.find((candidate) => candidate.key === (query.get('module') ?? modules[0]?.key));
  if (!module) return `Unknown module: choose one of ${modules.map((candidate) => candidate.key).join(', ')}.`;
  const user = site.users.find((candidate) => candidate.accountId === (query.get('user') ?? site.users[0]?.accountId));
  if (!user) return `Unknown user: choose one of ${site.users.map((candidate) => candidate.accountId).join(', ')}.`;
  if (!SPACE_MODULE_TYPES.includes(module.type)) return { module, user };
  // Only a space the user can see, as in Confluence: by default the first of those.
  const visible = site.spacesVisibleTo(user.accountId);
  if (visible.length === 0) return `${user.displayName} cannot see any space, so no space module opens for them.`;
  const key = query.get('space') ?? visible[0]!.key;
  const space = visible.find((candidate) => candidate.key === key);
  if (!space) return `${user.displayName} cannot see a space ${key}: choose one of ${visible.map((candidate) => candidate.key).join(', ')}.`;
  return { module, user, space };
}

/** The module's extension context, as Confluence hands it to the frontend and the resolver. */
export function extensionOf(view: ModuleView): Record<string, unknown> {
  return { type: view.module.type, ...(view.space && { space: { key: view.space.key, id: view.space.id } }) };
}

/** What `view.getContext()` answers in the iframe; the bridge adds the browser's locale and timezone. */
export function frontendContext(app: EmulatedApp, view: ModuleView): Record<string, unknown> {
  return {
    accountId: view.user.accountId,
    cloudId: app.platform.cloudId,
    siteUrl: app.baseUrl,
    moduleKey: view.module.key,
    localId: `${view.module.key}-local`,
    environmentType: 'DEVELOPMENT',
    extension: extensionOf(view),
  };
}

/** The query string naming a view, for host page and resource URLs. */
export function viewQuery(view: ModuleView): string {
  const query = new URLSearchParams({ module: view.module.key, user: view.user.accountId });
  if (view.space) query.set('space', view.space.key);
  return query.toString();
}
