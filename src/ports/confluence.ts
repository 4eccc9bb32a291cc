import type { Operation, VisibleSpace } from '../contract/resolvers';

/** A page as the signed-in user finds it: current (or archived) or in the trash, with its address in Confluence. */
export interface FoundPage {
  id: string;
  spaceId: string;
  title: string;
  status: 'current' | 'archived' | 'trashed';
  /** Absolute URL of the page in Confluence's own UI. */
  url: string;
}

/** Confluence as the signed-in user of a resolver call. */
export interface UserConfluence {
  spacesByKeys(keys: string[]): Promise<VisibleSpace[]>;
  visibleSpaces(): Promise<VisibleSpace[]>;
  /** The user's page operations in a space, and whether they administer it. */
  spaceRights(spaceId: string): Promise<{ operations: Set<Operation>; administer: boolean }>;
  isSiteAdmin(): Promise<boolean>;
  displayNames(accountIds: string[]): Promise<Map<string, string>>;
  /**
   * The pages among `ids` (at most MAX_PAGE_IDS numeric ids) the user can see, the trash included, in one
   * call. Pages missing from the answer are restricted from the user or no longer exist.
   */
  findPages(ids: string[]): Promise<FoundPage[]>;
  /** Current pages in these spaces whose titles contain `text` (case-insensitive), at most `limit`. */
  pagesByTitle(spaceIds: string[], text: string, limit: number): Promise<PageSummary[]>;
}

export interface PageSummary {
  id: string;
  spaceId: string;
  title: string;
}

/** Confluence's `GET /wiki/api/v2/pages` takes at most this many ids (and answers as many per page). */
export const MAX_PAGE_IDS = 250;

/**
 * A Confluence answer passed back to a gateway client largely as it is. Its fields are the only
 * upstream headers a client ever sees (an allowlist): Content-Type, Retry-After and Link (rewritten
 * to point at the gateway, see use-cases/gateway/links.ts).
 */
export interface UpstreamResponse {
  status: number;
  body: string;
  contentType?: string;
  retryAfter?: string;
  link?: string;
}

/** Where a comment sits on its page: below it, or on a text selection in it. */
export type CommentLocation = 'footer' | 'inline';

/** The v2 routes that list a page's place in its tree. */
export type PageRelation = 'children' | 'direct-children' | 'descendants' | 'ancestors';

/** Confluence's page API acting as a token's owner, who is not present. */
export interface OwnerConfluence {
  listSpaces(query: URLSearchParams): Promise<UpstreamResponse>;
  listSpacePages(spaceId: string, query: URLSearchParams): Promise<UpstreamResponse>;
  getPage(pageId: string, query: URLSearchParams): Promise<UpstreamResponse>;
  createPage(body: string, query: URLSearchParams): Promise<UpstreamResponse>;
  updatePage(pageId: string, body: string, query: URLSearchParams): Promise<UpstreamResponse>;
  deletePage(pageId: string, query: URLSearchParams): Promise<UpstreamResponse>;
  listPages(query: URLSearchParams): Promise<UpstreamResponse>;
  getSpace(spaceId: string, query: URLSearchParams): Promise<UpstreamResponse>;
  listRelatedPages(pageId: string, relation: PageRelation, query: URLSearchParams): Promise<UpstreamResponse>;
  listPageLabels(pageId: string, query: URLSearchParams): Promise<UpstreamResponse>;
  listPageAttachments(pageId: string, query: URLSearchParams): Promise<UpstreamResponse>;
  listPageProperties(pageId: string, query: URLSearchParams): Promise<UpstreamResponse>;
  createPageProperty(pageId: string, body: string): Promise<UpstreamResponse>;
  getPageProperty(pageId: string, propertyId: string): Promise<UpstreamResponse>;
  updatePageProperty(pageId: string, propertyId: string, body: string): Promise<UpstreamResponse>;
  deletePageProperty(pageId: string, propertyId: string): Promise<UpstreamResponse>;
  /** v2 `POST /users-bulk`: the people with these account ids (at most 100), as the owner sees them. */
  usersBulk(accountIds: string[]): Promise<UpstreamResponse>;
  /** `GET /pages/{id}/footer-comments` or `/inline-comments`. */
  listPageComments(pageId: string, location: CommentLocation, query: URLSearchParams): Promise<UpstreamResponse>;
  /** `POST /footer-comments`: `body` names the page (`pageId`) and the comment's body. */
  createFooterComment(body: string): Promise<UpstreamResponse>;
  /** `GET /footer-comments/{comment-id}`. */
  getFooterComment(commentId: string, query: URLSearchParams): Promise<UpstreamResponse>;

  // REST v1 routes Confluence still documents.
  currentUser(): Promise<UpstreamResponse>;
  /** `labels` is a JSON array of `{prefix, name}`. */
  addLabels(pageId: string, labels: string): Promise<UpstreamResponse>;
  removeLabel(pageId: string, name: string): Promise<UpstreamResponse>;
  /** `GET /wiki/rest/api/search` (`kind: 'search'`) or `/wiki/rest/api/content/search` (`'content'`). */
  search(kind: 'search' | 'content', query: URLSearchParams): Promise<UpstreamResponse>;
  /** A multipart/form-data body passed on as received, with its own content type (boundary included). */
  uploadAttachments(method: 'POST' | 'PUT', pageId: string, body: string, contentType: string, query: URLSearchParams): Promise<UpstreamResponse>;
}

/** When calls must have ended: each one is abandoned (UPSTREAM_TIMEOUT) once nothing is left. */
export interface Deadline {
  remainingMs(): number;
}

/** The owner's Confluence, every call of which ends by `deadline`. */
export type ActAsOwner = (accountId: string, deadline: Deadline) => OwnerConfluence;
