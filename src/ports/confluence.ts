import type { Operation, VisibleSpace } from '../contract/resolvers';

/** Confluence as the signed-in user of a resolver call. */
export interface UserConfluence {
  spacesByKeys(keys: string[]): Promise<VisibleSpace[]>;
  visibleSpaces(): Promise<VisibleSpace[]>;
  /** The user's page operations in a space, and whether they administer it. */
  spaceRights(spaceId: string): Promise<{ operations: Set<Operation>; administer: boolean }>;
  isSiteAdmin(): Promise<boolean>;
  displayNames(accountIds: string[]): Promise<Map<string, string>>;
}

/** A Confluence answer passed back to a gateway client largely as it is. */
export interface UpstreamResponse {
  status: number;
  body: string;
  contentType?: string;
  retryAfter?: string;
}

/** Confluence's page API acting as a token's owner, who is not present. */
export interface OwnerConfluence {
  listSpaces(query: URLSearchParams): Promise<UpstreamResponse>;
  listSpacePages(spaceId: string, query: URLSearchParams): Promise<UpstreamResponse>;
  getPage(pageId: string, query: URLSearchParams): Promise<UpstreamResponse>;
  createPage(body: string, query: URLSearchParams): Promise<UpstreamResponse>;
  updatePage(pageId: string, body: string, query: URLSearchParams): Promise<UpstreamResponse>;
  deletePage(pageId: string, query: URLSearchParams): Promise<UpstreamResponse>;
}

export type ActAsOwner = (accountId: string) => OwnerConfluence;
