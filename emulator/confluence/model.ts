/**
 * The Confluence stand-in's state: plain JSON, so the local server can persist it as it is.
 * Record keys are the entities' numeric ids, which JavaScript iterates in ascending order.
 */

/** What a principal may do in a space; `administer` implies every other operation. */
export type SpaceOperation = 'read' | 'create' | 'update' | 'delete' | 'administer';

export interface StoredUser {
  accountId: string;
  displayName: string;
  email: string;
  accountType: 'atlassian' | 'app';
  /** Confluence administrator: sees and administers every space and page. */
  siteAdmin: boolean;
}

export interface StoredSpace {
  id: string;
  key: string;
  name: string;
  description: string;
  authorId: string;
  createdAt: string;
  homepageId: string;
  /** Space permissions by accountId (the app user included); absent means no access. */
  grants: Record<string, SpaceOperation[]>;
}

export type StoredRepresentation = 'storage' | 'atlas_doc_format';

export interface StoredBody {
  representation: StoredRepresentation;
  value: string;
}

export interface StoredVersion {
  number: number;
  message: string;
  minorEdit: boolean;
  authorId: string;
  createdAt: string;
}

/** A page as it was at an earlier version, for `GET /pages/{id}?version=N`. */
export interface StoredSnapshot {
  /** Where the page lived at that version (a page moves between spaces); absent in states saved before. */
  spaceId?: string;
  title: string;
  body: StoredBody;
  version: StoredVersion;
}

export type StoredPageStatus = 'current' | 'draft' | 'trashed';

export interface StoredPage {
  id: string;
  spaceId: string;
  /** `null` for a space's homepage and other root-level pages. */
  parentId: string | null;
  title: string;
  status: StoredPageStatus;
  authorId: string;
  ownerId: string;
  lastOwnerId: string | null;
  createdAt: string;
  version: StoredVersion;
  body: StoredBody;
  /**
   * Page restrictions by accountId; an empty list means unrestricted. `read` restrictions are
   * inherited by descendants (as in Confluence), `update` restrictions are not.
   */
  restrictions: { read: string[]; update: string[] };
  history: StoredSnapshot[];
  /** Ids in `ConfluenceState.labels`, in the order they were added. */
  labelIds: string[];
}

/** A label, site-wide: one id per prefix and name, shared by every page that carries it. */
export interface StoredLabel {
  id: string;
  name: string;
  prefix: 'global' | 'my' | 'team' | 'system';
}

/** A file attached to a page; `data` is the file's bytes, base64. */
export interface StoredAttachment {
  id: string;
  pageId: string;
  title: string;
  mediaType: string;
  comment: string;
  fileId: string;
  status: 'current' | 'trashed';
  createdAt: string;
  version: StoredVersion;
  data: string;
}

/** A content property: a JSON value under a key unique per page, versioned like pages. */
export interface StoredProperty {
  id: string;
  pageId: string;
  key: string;
  value: unknown;
  version: StoredVersion;
}

/**
 * A comment on a page: a footer comment, or an inline one anchored on a text selection (with its
 * resolution status). Replies and comments on blog posts or attachments are not modelled.
 */
export interface StoredComment {
  id: string;
  pageId: string;
  location: 'footer' | 'inline';
  status: 'current' | 'trashed';
  body: StoredBody;
  createdAt: string;
  version: StoredVersion;
  /** Inline comments only. */
  inline?: { resolutionStatus: 'open' | 'reopened' | 'resolved' | 'dangling'; markerRef: string; originalSelection: string };
}

export interface ConfluenceState {
  users: Record<string, StoredUser>;
  spaces: Record<string, StoredSpace>;
  pages: Record<string, StoredPage>;
  labels: Record<string, StoredLabel>;
  attachments: Record<string, StoredAttachment>;
  properties: Record<string, StoredProperty>;
  comments: Record<string, StoredComment>;
  /** Next id handed to a created page, label, attachment or property (Confluence's ids are site-wide). */
  nextId: number;
}

/** A state saved before labels, attachments, properties and comments were modelled, completed with none of them. */
export function completeState(state: ConfluenceState): ConfluenceState {
  const partial = state as Partial<ConfluenceState> & Pick<ConfluenceState, 'pages'>;
  for (const page of Object.values(partial.pages)) page.labelIds ??= [];
  return { ...state, labels: partial.labels ?? {}, attachments: partial.attachments ?? {}, properties: partial.properties ?? {}, comments: partial.comments ?? {} };
}
