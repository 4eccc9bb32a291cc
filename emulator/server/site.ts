import type { IncomingMessage } from 'node:http';
import type { ConfluenceStandIn } from '../confluence';

/** The header naming who a local call acts as (the host page sends it for the user it shows). */
const ACCOUNT_HEADER = 'x-local-account-id';

export interface LocalUser {
  accountId: string;
  displayName: string;
}

export interface LocalSpace {
  key: string;
  id: string;
  name: string;
}

/** Who and what the local Confluence site holds; neither users nor spaces change while it runs. */
export interface Site {
  /** People who can sign in; the app's own user is not one of them. */
  users: LocalUser[];
  spaces: LocalSpace[];
  /** The spaces a user may view now (permissions can change while the server runs). */
  spacesVisibleTo(accountId: string): LocalSpace[];
}

export function readSite(confluence: ConfluenceStandIn): Site {
  const state = confluence.snapshot();
  const spaces = Object.values(state.spaces).map(({ key, id, name }) => ({ key, id, name }));
  return {
    users: Object.values(state.users)
      .filter((user) => user.accountType === 'atlassian')
      .map(({ accountId, displayName }) => ({ accountId, displayName })),
    spaces,
    spacesVisibleTo: (accountId) => {
      const visible = confluence.visibleSpaceKeys(accountId);
      return visible.flatMap((key) => spaces.filter((space) => space.key === key));
    },
  };
}

/** The signed-in user a request names, or undefined when it names none or someone unknown. */
export function requestUser(site: Site, request: IncomingMessage): LocalUser | undefined {
  const accountId = request.headers[ACCOUNT_HEADER];
  return typeof accountId === 'string' ? site.users.find((user) => user.accountId === accountId) : undefined;
}

export function unknownUserMessage(site: Site): string {
  const known = site.users.map((user) => user.accountId).join(', ');
  return `Name a user in the X-Local-Account-Id header: one of ${known} (GET /__local/users).`;
}
