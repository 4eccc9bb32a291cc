/** How stored entities appear in REST v1 answers (Content, Space, Label, attachment Content). */
import { RENDERED_FORMATS, renderBody } from './bodies';
import type { Actor } from './permissions';
import { renderStorageFor } from './render';
import type { ConfluenceState, StoredAttachment, StoredLabel, StoredPage, StoredSpace, StoredUser } from './model';

/**
 * `expand` values the stand-in models; others are ignored, as Confluence ignores unknown expansions.
 * Rendered bodies (`body.view`…) are rendered as the reader (render.ts).
 */
export type V1Expand =
  | 'space' | 'version' | `body.${'storage' | 'atlas_doc_format' | (typeof RENDERED_FORMATS)[number]}` | 'ancestors' | 'history' | 'history.lastUpdated' | 'container';

export function v1SpaceView(space: StoredSpace, base: string) {
  return {
    id: Number(space.id),
    key: space.key,
    name: space.name,
    type: 'global',
    status: 'current',
    _expandable: { description: '', homepage: `/rest/api/content/${space.homepageId}` },
    _links: { webui: `/spaces/${space.key}`, self: `${base}/rest/api/space/${space.key}` },
  };
}

/** A person inside a v1 answer, as v1's `User` has them (Confluence fills them in itself). */
function v1By(user: StoredUser | undefined, accountId: string) {
  return {
    type: 'known',
    accountId,
    accountType: user?.accountType ?? 'atlassian',
    displayName: user?.displayName ?? accountId,
    publicName: user?.displayName ?? accountId,
    profilePicture: { path: '/wiki/aa-avatar/default.png', width: 48, height: 48, isDefault: true },
    _expandable: { operations: '', personalSpace: '' },
  };
}

function v1Version(state: ConfluenceState, version: StoredPage['version']) {
  return { by: v1By(state.users[version.authorId], version.authorId), when: version.createdAt, number: version.number, message: version.message, minorEdit: version.minorEdit };
}

function ancestorsOf(state: ConfluenceState, page: StoredPage): StoredPage[] {
  const chain: StoredPage[] = [];
  for (let at = page.parentId ? state.pages[page.parentId] : undefined; at && chain.length < 100; at = at.parentId ? state.pages[at.parentId] : undefined) chain.unshift(at);
  return chain;
}

const pageLinks = (page: StoredPage, spaceKey: string, base: string) => ({
  webui: `/spaces/${spaceKey}/pages/${page.id}/${encodeURIComponent(page.title.replace(/ /g, '+'))}`,
  tinyui: `/x/${Buffer.from(page.id).toString('base64url')}`,
  self: `${base}/rest/api/content/${page.id}`,
});

export function v1PageView(state: ConfluenceState, page: StoredPage, base: string, expand: readonly string[] = [], reader?: Actor) {
  const space = state.spaces[page.spaceId]!;
  const has = (name: V1Expand) => expand.includes(name);
  const body: Record<string, unknown> = {};
  const asReader = reader && ((storage: string) => renderStorageFor(state, reader, storage, page));
  for (const format of ['storage', 'atlas_doc_format', ...RENDERED_FORMATS] as const) {
    if (has(`body.${format}`)) body[format] = { ...renderBody(page.body, format, asReader), _expandable: {} };
  }
  return {
    id: page.id,
    type: 'page',
    status: page.status,
    title: page.title,
    ...(has('space') ? { space: v1SpaceView(space, base) } : {}),
    ...(has('version') ? { version: v1Version(state, page.version) } : {}),
    ...(has('history') || has('history.lastUpdated')
      ? {
          history: {
            latest: true,
            createdBy: v1By(state.users[page.authorId], page.authorId),
            createdDate: page.createdAt,
            ...(has('history.lastUpdated') ? { lastUpdated: v1Version(state, page.version) } : {}),
            _expandable: { ...(has('history.lastUpdated') ? {} : { lastUpdated: '' }), previousVersion: '', contributors: '', nextVersion: '' },
          },
        }
      : {}),
    ...(has('container') ? { container: v1SpaceView(space, base) } : {}),
    ...(has('ancestors') ? { ancestors: ancestorsOf(state, page).map((a) => ({ id: a.id, type: 'page', status: a.status, title: a.title, _links: pageLinks(a, space.key, base) })) } : {}),
    ...(Object.keys(body).length > 0 ? { body } : {}),
    _expandable: {
      ...(has('container') ? {} : { container: `/rest/api/space/${space.key}` }),
      ...(has('space') ? {} : { space: `/rest/api/space/${space.key}` }),
      ...(has('history') || has('history.lastUpdated') ? {} : { history: `/rest/api/content/${page.id}/history` }),
    },
    _links: pageLinks(page, space.key, base),
  };
}

export function v1LabelView(label: StoredLabel) {
  return { prefix: label.prefix, name: label.name, id: label.id, label: label.name };
}

export function v1AttachmentView(state: ConfluenceState, attachment: StoredAttachment, base: string) {
  const page = state.pages[attachment.pageId]!;
  const spaceKey = state.spaces[page.spaceId]?.key ?? '';
  const fileSize = Buffer.from(attachment.data, 'base64').length;
  const download = `/download/attachments/${page.id}/${encodeURIComponent(attachment.title)}?version=${attachment.version.number}&api=v2`;
  return {
    id: attachment.id,
    type: 'attachment',
    status: attachment.status,
    title: attachment.title,
    version: { ...v1Version(state, { ...attachment.version, message: '' } as StoredPage['version']) },
    container: { id: page.id, type: 'page', status: page.status, title: page.title, _links: pageLinks(page, spaceKey, base) },
    metadata: { mediaType: attachment.mediaType, comment: attachment.comment },
    extensions: { mediaType: attachment.mediaType, fileSize, comment: attachment.comment },
    _expandable: {},
    _links: { webui: `/spaces/${spaceKey}/pages/${page.id}/${encodeURIComponent(page.title)}?preview=${encodeURIComponent(attachment.title)}`, download, self: `${base}/rest/api/content/${attachment.id}` },
  };
}
