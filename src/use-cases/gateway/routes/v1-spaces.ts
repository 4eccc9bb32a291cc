/** REST v1 space reads, translated to v2: only spaces in the token's scope, named by key. */
import { ok, type RouteDefinition } from '../route';
import { aimAtSpaceKey } from '../scope-guard';
import { parsed, v1List, v1Space, type V2Space, v1Routes } from '../v1-shapes';

export const V1_SPACE_ROUTES: RouteDefinition[] = v1Routes([
  {
    method: 'GET',
    path: '/wiki/rest/api/space/{key}',
    operation: 'read',
    query: [],
    paramPatterns: { key: /~?[A-Za-z0-9]{1,255}/ },
    v1Answer: { schema: 'Space' },
    /** One v2 call: the token's record maps the key to the space id. */
    async handler(context) {
      const space = aimAtSpaceKey(context, context.params.key);
      const answer = parsed<V2Space>(await context.confluence.getSpace(space.id, new URLSearchParams()));
      return 'refusal' in answer ? answer.refusal : ok(v1Space(answer.value));
    },
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/space',
    operation: 'read',
    query: ['spaceKey', 'start', 'limit'],
    v1Answer: { schema: 'SpaceArray' },
    /** Spaces asked for that are out of scope are simply not listed, as with v2's `keys`. */
    async handler(context) {
      const asked = context.query.getAll('spaceKey').flatMap((value) => value.split(',')).filter(Boolean);
      const spaces = context.token.spaces.filter((space) => asked.length === 0 || asked.includes(space.key));
      if (spaces.length === 0) return v1List([], context.query, '/wiki/rest/api/space', undefined);
      const answer = parsed<{ results?: V2Space[]; _links?: { base?: string } }>(
        await context.confluence.listSpaces(new URLSearchParams({ keys: spaces.map((space) => space.key).join(','), limit: '250' })),
      );
      if ('refusal' in answer) return answer.refusal;
      const results = (answer.value.results ?? []).filter((space) => spaces.some((granted) => granted.id === String(space.id))).map(v1Space);
      return v1List(results, context.query, '/wiki/rest/api/space', undefined, answer.value._links?.base);
    },
  },
]);
