/** How stored entities appear in REST v1 answers (Content, Space, Label, attachment Content). */
import { renderBody } from './bodies';
import type { ConfluenceState, StoredAttachment, StoredLabel, StoredPage, StoredSpace, StoredUser } from './model';

/** `expand` values the stand-in models; others are ignored, as Confluence ignores unknown expansions. */
export type V1Expand = 'space' | 'version' | 'body.storage' | 'body.atlas_doc_format' | 'ancestors';

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

function v1By(user: StoredUser | undefined, accountId: string) {
  return { type: 'known', accountId, accountType: user?.accountType ?? 'atlassian', displayName: user?.displayName ?? accountId, publicName: user?.displayName ?? accountId };
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

export function v1PageView(state: ConfluenceState, page: StoredPage, base: string, expand: readonly string[] = []) {
  const space = state.spaces[page.spaceId]!;
  const has = (name: V1Expand) => expand.includes(name);
  const body: Record<string, unknown> = {};
  for (const format of ['storage', 'atlas_doc_format'] as const) {
    if (has(`body.${format}`)) body[format] = { ...renderBody(page.body, format), _expandable: {} };
  }
  return {
    id: page.id,
    type: 'page',
    status: page.status,
    title: page.title,
    ...(has('space') ? { space: v1SpaceView(space, base) } : {}),
    ...(has('version')
      ? {
          version: {
            by: v1By(state.users[page.version.authorId], page.version.authorId),
            when: page.version.createdAt,
            number: page.version.number,
            message: page.version.message,
            minorEdit: page.version.minorEdit,
          },
        }
      : {}),
    ...(has('ancestors') ? { ancestors: ancestorsOf(state, page).map((a) => ({ id: a.id, type: 'page', status: a.status, title: a.title, _links: pageLinks(a, space.key, base) })) } : {}),
    ...(Object.keys(body).length > 0 ? { body } : {}),
    _expandable: { container: `/rest/api/space/${space.key}`, ...(has('space') ? {} : { space: `/rest/api/space/${space.key}` }) },
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
    version: { by: v1By(state.users[attachment.version.authorId], attachment.version.authorId), when: attachment.version.createdAt, number: attachment.version.number, message: '', minorEdit: attachment.version.minorEdit },
    container: { id: page.id, type: 'page', status: page.status, title: page.title },
    metadata: { mediaType: attachment.mediaType, comment: attachment.comment },
    extensions: { mediaType: attachment.mediaType, fileSize, comment: attachment.comment },
    _expandable: {},
    _links: { webui: `/spaces/${spaceKey}/pages/${page.id}/${encodeURIComponent(page.title)}?preview=${encodeURIComponent(attachment.title)}`, download, self: `${base}/rest/api/content/${attachment.id}` },
  };
}
