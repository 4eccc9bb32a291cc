/**
 * The stand-in's seeded site, deterministic so that tests and docs can name its users, spaces and
 * pages (`SEED.spaces.DOCS.id`, `SEED.pages.aliceNotes.id`). README.md beside this file tabulates who
 * may do what where, and the page tree.
 */
import { escapeXml } from './bodies';
import type { ConfluenceState, SpaceOperation, StoredAttachment, StoredComment, StoredLabel, StoredPage, StoredSpace, StoredUser } from './model';

export const APP_ACCOUNT_ID = 'forge-app';
const SEEDED_AT = '2024-01-15T09:00:00.000Z';
const ALL_BUT_ADMIN: SpaceOperation[] = ['read', 'create', 'update', 'delete'];

export const SEED = {
  users: {
    alice: { accountId: 'alice', displayName: 'Alice Adams' },
    bob: { accountId: 'bob', displayName: 'Bob Brown' },
    carol: { accountId: 'carol', displayName: 'Carol Chen' },
    siteadmin: { accountId: 'siteadmin', displayName: 'Site Admin' },
    app: { accountId: APP_ACCOUNT_ID, displayName: 'Space Tokens (app)' },
  },
  spaces: {
    DOCS: { id: '10001', key: 'DOCS', name: 'Documentation', homepageId: '20001' },
    ENG: { id: '10002', key: 'ENG', name: 'Engineering', homepageId: '20011' },
    PRIV: { id: '10003', key: 'PRIV', name: 'Private', homepageId: '20021' },
  },
  pages: {
    docsHome: { id: '20001', spaceKey: 'DOCS', title: 'Documentation Home', parentId: null },
    gettingStarted: { id: '20002', spaceKey: 'DOCS', title: 'Getting Started', parentId: '20001' },
    installation: { id: '20003', spaceKey: 'DOCS', title: 'Installation', parentId: '20002' },
    releaseNotes: { id: '20004', spaceKey: 'DOCS', title: 'Release Notes', parentId: '20001' },
    aliceNotes: { id: '20005', spaceKey: 'DOCS', title: "Alice's Notes", parentId: '20001' },
    aliceIdeas: { id: '20006', spaceKey: 'DOCS', title: 'Ideas', parentId: '20005' },
    engHome: { id: '20011', spaceKey: 'ENG', title: 'Engineering Home', parentId: null },
    architecture: { id: '20012', spaceKey: 'ENG', title: 'Architecture', parentId: '20011' },
    runbooks: { id: '20013', spaceKey: 'ENG', title: 'Runbooks', parentId: '20012' },
    privHome: { id: '20021', spaceKey: 'PRIV', title: 'Private Home', parentId: null },
    salaries: { id: '20022', spaceKey: 'PRIV', title: 'Salaries', parentId: '20021' },
  },
  /** Pages whose viewing and editing are restricted, with who may. */
  restricted: { '20005': ['alice'] } as Record<string, string[]>,
  /** Labels by name, and the pages carrying each. */
  labels: {
    howto: { id: '25001', name: 'howto', pages: ['20002', '20003'] },
    internal: { id: '25002', name: 'internal', pages: ['20012', '20013'] },
  },
  /** Text files attached to pages (as the space admin). */
  attachments: {
    setupNotes: { id: 'att25011', pageId: '20002', title: 'setup-notes.txt', text: 'Run npm ci first.\n' },
    restartScript: { id: 'att25012', pageId: '20013', title: 'restart.sh', text: 'systemctl restart app\n' },
  },
  /** Comments on pages: a footer comment and an inline one on Getting Started, a footer comment on Runbooks. */
  comments: {
    setupQuestion: { id: '25021', pageId: '20002', location: 'footer', authorId: 'bob', text: 'Does this work on Windows?' },
    typoNote: { id: '25022', pageId: '20002', location: 'inline', authorId: 'alice', text: 'Typo here.', selection: 'npm ci' },
    runbookNote: { id: '25023', pageId: '20013', location: 'footer', authorId: 'bob', text: 'Check the logs first.' },
  },
  firstCreatedPageId: 30001,
} as const;

type SpaceKey = keyof typeof SEED.spaces;

const SPACE_GRANTS: Record<SpaceKey, { admin: string; description: string; others: Record<string, SpaceOperation[]> }> = {
  DOCS: { admin: 'alice', description: 'Product documentation', others: { bob: ['read', 'create', 'update'] } },
  ENG: { admin: 'bob', description: 'Engineering notes', others: { alice: ['read'] } },
  PRIV: { admin: 'carol', description: "Carol's private space", others: {} },
};

function seedUsers(): Record<string, StoredUser> {
  const users: Record<string, StoredUser> = {};
  for (const { accountId, displayName } of Object.values(SEED.users)) {
    const isApp = accountId === APP_ACCOUNT_ID;
    users[accountId] = {
      accountId,
      displayName,
      email: isApp ? '' : `${accountId}@example.com`,
      accountType: isApp ? 'app' : 'atlassian',
      siteAdmin: accountId === 'siteadmin',
    };
  }
  return users;
}

function seedSpaces(): Record<string, StoredSpace> {
  const spaces: Record<string, StoredSpace> = {};
  for (const [key, space] of Object.entries(SEED.spaces) as [SpaceKey, (typeof SEED.spaces)[SpaceKey]][]) {
    const { admin, description, others } = SPACE_GRANTS[key];
    spaces[space.id] = {
      ...space,
      description,
      authorId: admin,
      createdAt: SEEDED_AT,
      grants: { [admin]: ['administer'], ...others, [APP_ACCOUNT_ID]: [...ALL_BUT_ADMIN] },
    };
  }
  return spaces;
}

function seedPages(): Record<string, StoredPage> {
  const pages: Record<string, StoredPage> = {};
  for (const seeded of Object.values(SEED.pages)) {
    const space = SEED.spaces[seeded.spaceKey];
    const author = SPACE_GRANTS[seeded.spaceKey].admin;
    const restrictedTo = SEED.restricted[seeded.id] ?? [];
    pages[seeded.id] = {
      id: seeded.id,
      spaceId: space.id,
      parentId: seeded.parentId,
      title: seeded.title,
      status: 'current',
      authorId: restrictedTo[0] ?? author,
      ownerId: restrictedTo[0] ?? author,
      lastOwnerId: null,
      createdAt: SEEDED_AT,
      version: { number: 1, message: '', minorEdit: false, authorId: restrictedTo[0] ?? author, createdAt: SEEDED_AT },
      body: { representation: 'storage', value: `<p>${escapeXml(seeded.title)}</p>` },
      restrictions: { read: [...restrictedTo], update: [...restrictedTo] },
      history: [],
      labelIds: Object.values(SEED.labels).flatMap((label) => ((label.pages as readonly string[]).includes(seeded.id) ? [label.id] : [])),
    };
  }
  return pages;
}

function seedLabels(): Record<string, StoredLabel> {
  return Object.fromEntries(Object.values(SEED.labels).map(({ id, name }) => [id, { id, name, prefix: 'global' }]));
}

function seedAttachments(pages: Record<string, StoredPage>): Record<string, StoredAttachment> {
  const attachments: Record<string, StoredAttachment> = {};
  for (const { id, pageId, title, text } of Object.values(SEED.attachments)) {
    const authorId = pages[pageId]!.authorId;
    attachments[id] = {
      id,
      pageId,
      title,
      mediaType: 'text/plain',
      comment: '',
      fileId: `file-${id}`,
      status: 'current',
      createdAt: SEEDED_AT,
      version: { number: 1, message: '', minorEdit: false, authorId, createdAt: SEEDED_AT },
      data: Buffer.from(text).toString('base64'),
    };
  }
  return attachments;
}

function seedComments(): Record<string, StoredComment> {
  return Object.fromEntries(
    Object.values(SEED.comments).map((comment) => [
      comment.id,
      {
        id: comment.id,
        pageId: comment.pageId,
        location: comment.location,
        status: 'current',
        body: { representation: 'storage', value: `<p>${escapeXml(comment.text)}</p>` },
        createdAt: SEEDED_AT,
        version: { number: 1, message: '', minorEdit: false, authorId: comment.authorId, createdAt: SEEDED_AT },
        ...('selection' in comment ? { inline: { resolutionStatus: 'open', markerRef: `marker-${comment.id}`, originalSelection: comment.selection } } : {}),
      } satisfies StoredComment,
    ]),
  );
}

/** A fresh copy of the seeded state. */
export function seedState(): ConfluenceState {
  const pages = seedPages();
  return {
    users: seedUsers(),
    spaces: seedSpaces(),
    pages,
    labels: seedLabels(),
    attachments: seedAttachments(pages),
    properties: {},
    comments: seedComments(),
    nextId: SEED.firstCreatedPageId,
  };
}
