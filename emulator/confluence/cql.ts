/**
 * The CQL subset the stand-in answers: fields `space` (`space.key`), `type`, `title`, `text`, `id`,
 * `parent`, `ancestor`, `label`; operators `=`, `!=`, `~`, `!~`, `in`, `not in`; `AND`, `OR`, `NOT`,
 * parentheses; `ORDER BY title|created|lastmodified|id [ASC|DESC]`. Anything else is a 400, as
 * Confluence answers for a query it cannot parse. Kept apart from the app's own CQL code on purpose:
 * the stand-in must not share the gateway's mistakes.
 */
import { badRequest } from './errors';
import type { ConfluenceState, StoredPage } from './model';

type Token = { kind: 'str' | 'word' | 'op' | '(' | ')' | ','; text: string };

function tokenize(cql: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(!=|!~|>=|<=|=|~|>|<)|([(),])|([\p{L}\p{N}_.\-:*]+))/uy;
  let at = 0;
  while (at < cql.length) {
    if (/^\s*$/.test(cql.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(cql);
    if (!match) throw badRequest(`Could not parse cql : ${cql}`);
    at = pattern.lastIndex;
    const [, dq, sq, op, punct, word] = match;
    if (dq !== undefined || sq !== undefined) tokens.push({ kind: 'str', text: (dq ?? sq)!.replace(/\\(.)/g, '$1') });
    else if (op) tokens.push({ kind: 'op', text: op });
    else if (punct) tokens.push({ kind: punct as '(' | ')' | ',', text: punct });
    else tokens.push({ kind: 'word', text: word! });
  }
  return tokens;
}

type Predicate = (page: StoredPage) => boolean;
export interface ParsedCql {
  matches: Predicate;
  order: { field: string; descending: boolean }[];
}

const FIELDS = ['space', 'space.key', 'type', 'title', 'text', 'id', 'parent', 'ancestor', 'label'];
const ORDER_FIELDS = ['title', 'created', 'lastmodified', 'id'];

export function parseCql(cql: string, state: ConfluenceState): ParsedCql {
  const tokens = tokenize(cql);
  let i = 0;
  const fail = (): never => {
    throw badRequest(`Could not parse cql : ${cql}`);
  };
  const peekWord = (word: string) => tokens[i]?.kind === 'word' && tokens[i]!.text.toLowerCase() === word;
  const expect = (kind: Token['kind']) => (tokens[i]?.kind === kind ? tokens[i++]! : fail());

  const value = (): string => {
    const token = tokens[i++];
    if (!token || (token.kind !== 'str' && token.kind !== 'word')) return fail();
    return token.text;
  };

  const ancestors = (page: StoredPage): string[] => {
    const ids: string[] = [];
    for (let at = page.parentId; at && ids.length < 100; at = state.pages[at]?.parentId ?? null) ids.push(at);
    return ids;
  };

  const fieldValue = (page: StoredPage, field: string): string[] => {
    switch (field) {
      case 'space':
      case 'space.key':
        return [state.spaces[page.spaceId]?.key ?? ''];
      case 'type':
        return ['page'];
      case 'title':
        return [page.title];
      case 'text':
        return [`${page.title} ${page.body.value}`];
      case 'id':
        return [page.id];
      case 'parent':
        return page.parentId ? [page.parentId] : [];
      case 'ancestor':
        return ancestors(page);
      default:
        return page.labelIds.map((id) => state.labels[id]?.name ?? '');
    }
  };

  const condition = (): Predicate => {
    const field = tokens[i]?.kind === 'word' ? tokens[i++]!.text.toLowerCase() : fail();
    if (!FIELDS.includes(field)) throw badRequest(`The Confluence stand-in does not model the CQL field "${field}"`);
    const negated = peekWord('not');
    if (negated) i++;
    if (peekWord('in')) {
      i++;
      expect('(');
      const values = [value()];
      while (tokens[i]?.kind === ',') (i++, values.push(value()));
      expect(')');
      return (page) => fieldValue(page, field).some((v) => values.includes(v)) !== negated;
    }
    if (negated) fail();
    const op = expect('op').text;
    const wanted = value();
    const contains = (text: string) => text.toLowerCase().includes(wanted.toLowerCase().replace(/\*/g, ''));
    switch (op) {
      case '=':
        return (page) => fieldValue(page, field).includes(wanted);
      case '!=':
        return (page) => !fieldValue(page, field).includes(wanted);
      case '~':
        return (page) => fieldValue(page, field).some(contains);
      case '!~':
        return (page) => !fieldValue(page, field).some(contains);
      default:
        return fail();
    }
  };

  const factor = (): Predicate => {
    if (peekWord('not')) {
      i++;
      const inner = factor();
      return (page) => !inner(page);
    }
    if (tokens[i]?.kind === '(') {
      i++;
      const inner = expression();
      expect(')');
      return inner;
    }
    return condition();
  };
  const term = (): Predicate => {
    const parts = [factor()];
    while (peekWord('and')) (i++, parts.push(factor()));
    return (page) => parts.every((part) => part(page));
  };
  function expression(): Predicate {
    const parts = [term()];
    while (peekWord('or')) (i++, parts.push(term()));
    return (page) => parts.some((part) => part(page));
  }

  const matches = peekWord('order') ? () => true : expression();
  const order: ParsedCql['order'] = [];
  if (peekWord('order')) {
    i++;
    if (!peekWord('by')) fail();
    do {
      i++;
      const field = tokens[i]?.kind === 'word' ? tokens[i++]!.text.toLowerCase() : fail();
      if (!ORDER_FIELDS.includes(field)) fail();
      const descending = peekWord('desc');
      if (descending || peekWord('asc')) i++;
      order.push({ field, descending });
    } while (tokens[i]?.kind === ',');
  }
  if (i !== tokens.length) fail();
  return { matches, order };
}

const ORDER_KEYS: Record<string, (page: StoredPage) => string | number> = {
  title: (page) => page.title.toLowerCase(),
  created: (page) => page.createdAt,
  lastmodified: (page) => page.version.createdAt,
  id: (page) => Number(page.id),
};

/** Pages in the query's order; Confluence orders by relevance when none is given (here: by id). */
export function sortByCql(pages: StoredPage[], order: ParsedCql['order']): StoredPage[] {
  const keys = [...order, { field: 'id', descending: false }];
  return [...pages].sort((a, b) => {
    for (const { field, descending } of keys) {
      const [x, y] = [ORDER_KEYS[field]!(a), ORDER_KEYS[field]!(b)];
      if (x !== y) return (x < y ? -1 : 1) * (descending ? -1 : 1);
    }
    return 0;
  });
}
