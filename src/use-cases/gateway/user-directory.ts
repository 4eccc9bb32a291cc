/**
 * People in v1 answers (`version.by`, `history.createdBy`) as Confluence's v1 `User` has them: one
 * batched look-up per answer (v2 `POST /users-bulk`, as the token's owner, so Confluence applies the
 * owner's view of each profile), remembered per function instance for a few minutes so a busy token
 * mostly pays nothing. Memory is bounded: the oldest entries go first.
 */
import type { Clock } from '../../core/clock';
import type { OwnerConfluence } from '../../ports/confluence';

/** A person as v2 describes them: the fields v1's `User` carries over. */
export interface Person {
  accountId: string;
  accountType?: string;
  displayName?: string;
  publicName?: string;
  profilePicture?: { path?: string; width?: number; height?: number; isDefault?: boolean };
}

export const USER_CACHE_MS = 5 * 60_000;
const MAX_REMEMBERED = 2_000;
/** Confluence's users-bulk takes at most this many ids per call. */
const MAX_IDS = 100;

interface Remembered {
  person: Person | undefined;
  until: number;
}

export class UserDirectory {
  private readonly remembered = new Map<string, Remembered>();

  constructor(private readonly clock: Clock) {}

  /**
   * The people named by `accountIds`, as `owner` sees them: those not remembered are asked in one
   * call. A person Confluence does not return (or a failed look-up) is missing from the map; the
   * answer then names them by account id alone, as before.
   */
  async lookUp(owner: string, accountIds: Iterable<string>, confluence: Pick<OwnerConfluence, 'usersBulk'>): Promise<Map<string, Person>> {
    const now = this.clock();
    const found = new Map<string, Person>();
    const missing: string[] = [];
    for (const id of new Set(accountIds)) {
      if (!id) continue;
      const known = this.remembered.get(`${owner}:${id}`);
      if (known && known.until > now) {
        if (known.person) found.set(id, known.person);
      } else missing.push(id);
    }
    if (missing.length === 0) return found;
    const asked = missing.slice(0, MAX_IDS);
    const answer = await confluence.usersBulk(asked);
    if (answer.status !== 200) return found;
    const results = (JSON.parse(answer.body) as { results?: Person[] }).results ?? [];
    const byId = new Map(results.filter((person) => typeof person.accountId === 'string').map((person) => [person.accountId, person]));
    for (const id of asked) {
      const person = byId.get(id);
      this.remember(`${owner}:${id}`, { person, until: now + USER_CACHE_MS });
      if (person) found.set(id, person);
    }
    return found;
  }

  private remember(key: string, entry: Remembered): void {
    this.remembered.delete(key);
    this.remembered.set(key, entry);
    while (this.remembered.size > MAX_REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
  }
}
