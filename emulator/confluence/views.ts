/** How stored entities appear in API responses (v2 Page/Space/User, v1 User). */
import { escapeXml, renderBody, type RenderedFormat } from './bodies';
import type { StoredPage, StoredRepresentation, StoredSnapshot, StoredSpace, StoredUser } from './model';
import type { Operation } from './permissions';

export interface PageViewOptions {
  /** Body representation to include; none gives `body: {}`, as Confluence does. */
  bodyFormat?: StoredRepresentation | RenderedFormat;
  includeVersion?: boolean;
  /** Site base (`https://…/wiki`): single-entity responses carry it in `_links.base`. */
  base?: string;
  /** An earlier version to show instead of the current one. */
  snapshot?: StoredSnapshot;
  /** Renders a storage body's macros and links as the reader (render.ts), for the rendered formats. */
  expand?: (storage: string) => string;
}

export function pageView(page: StoredPage, spaceKey: string, options: PageViewOptions = {}) {
  const shown = options.snapshot ?? page;
  const body = options.bodyFormat ? { [options.bodyFormat]: renderBody(shown.body, options.bodyFormat, options.expand) } : {};
  return {
    id: page.id,
    status: options.snapshot ? 'historical' : page.status,
    title: shown.title,
    // An earlier version answers with the space the page was in then, as Confluence's history does.
    spaceId: options.snapshot?.spaceId ?? page.spaceId,
    parentId: page.parentId,
    parentType: page.parentId === null ? null : 'page',
    authorId: page.authorId,
    ownerId: page.ownerId,
    lastOwnerId: page.lastOwnerId,
    createdAt: page.createdAt,
    ...(options.includeVersion === false ? {} : { version: { ...shown.version } }),
    body,
    _links: {
      webui: `/spaces/${spaceKey}/pages/${page.id}/${encodeURIComponent(shown.title.replace(/ /g, '+'))}`,
      editui: `/pages/resumedraft.action?draftId=${page.id}`,
      tinyui: `/x/${Buffer.from(page.id).toString('base64url')}`,
      ...(options.base ? { base: options.base } : {}),
    },
  };
}

export function spaceView(space: StoredSpace, options: { descriptionFormat?: 'plain' | 'view'; base?: string } = {}) {
  const description =
    options.descriptionFormat === 'plain'
      ? { plain: { representation: 'plain', value: space.description } }
      : options.descriptionFormat === 'view'
        ? { view: { representation: 'view', value: `<p>${escapeXml(space.description)}</p>` } }
        : undefined;
  return {
    id: space.id,
    key: space.key,
    name: space.name,
    type: 'global',
    status: 'current',
    authorId: space.authorId,
    createdAt: space.createdAt,
    homepageId: space.homepageId,
    ...(description ? { description } : {}),
    _links: { webui: `/spaces/${space.key}`, ...(options.base ? { base: options.base } : {}) },
  };
}

const profilePicture = { path: '/wiki/aa-avatar/default.png', isDefault: true };

export function userView(user: StoredUser) {
  return {
    accountId: user.accountId,
    accountType: user.accountType,
    accountStatus: 'active',
    displayName: user.displayName,
    publicName: user.displayName,
    email: user.email,
    timeZone: 'UTC',
    isExternalCollaborator: false,
    profilePicture,
  };
}

export function v1UserView(user: StoredUser, base: string, operations?: Operation[]) {
  return {
    type: 'known',
    accountId: user.accountId,
    accountType: user.accountType,
    email: user.email,
    publicName: user.displayName,
    displayName: user.displayName,
    timeZone: 'UTC',
    profilePicture: { ...profilePicture, width: 48, height: 48 },
    isExternalCollaborator: false,
    isGuest: false,
    ...(operations ? { operations } : {}),
    _expandable: { ...(operations ? {} : { operations: '' }), personalSpace: '' },
    _links: { self: `${base}/rest/api/user?accountId=${encodeURIComponent(user.accountId)}`, base, context: '/wiki' },
  };
}
