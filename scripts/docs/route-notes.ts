/**
 * What a reader needs to know about a gateway route beyond its method, path and operation (which the
 * route table in src/use-cases/gateway/routes says): the notes column of docs/gateway-api.md's one
 * route table. Keyed `METHOD path` as in that table; test/app/readme.test.ts fails on a key that names
 * no route, so a removed or renamed route cannot leave its note behind.
 */
const V2 = '/wiki/api/v2';
const V1 = '/wiki/rest/api';

const TREE_LIST = "the page must be in scope, and listed pages outside the scope are dropped";
const PROPERTY_CHANGE = "a property belongs to its page: changing or deleting one edits the page's metadata";

export const ROUTE_NOTES: Record<string, string> = {
  'GET /self': "the token's id, label, owner, spaces, operations, expiry",
  'POST /self/rotate': '`{graceHours?}` (default 24): a new secret for this token; see [Token lifecycle](token-lifecycle.md)',
  [`GET ${V2}/spaces`]: "`?keys=…`; only spaces in the token's scope",
  [`GET ${V2}/pages`]:
    "`?space-id=&title=&id=&status=&body-format=&cursor=&limit=`; Confluence is asked for the token's spaces only (narrowed to `space-id`), so another space's pages are never listed",
  [`POST ${V2}/pages`]: 'answers 200, as Confluence does',
  [`PUT ${V2}/pages/{id}`]: '`version.number` = current + 1',
  [`DELETE ${V2}/pages/{id}`]: 'moves to the trash (204); `purge` is refused',
  [`GET ${V2}/pages/{id}/children`]: TREE_LIST,
  [`GET ${V2}/pages/{id}/direct-children`]: TREE_LIST,
  [`GET ${V2}/pages/{id}/descendants`]: TREE_LIST,
  [`GET ${V2}/pages/{id}/ancestors`]: TREE_LIST,
  [`POST ${V2}/pages/{id}/properties`]: PROPERTY_CHANGE,
  [`PUT ${V2}/pages/{id}/properties/{propertyId}`]: PROPERTY_CHANGE,
  [`DELETE ${V2}/pages/{id}/properties/{propertyId}`]: PROPERTY_CHANGE,
  [`GET ${V1}/user/current`]: "the owner's profile: tools call it to check their credentials",
  [`GET ${V1}/search`]: "`?cql=`: CQL confined to the token's spaces (below); 1 call more when the spaces' current keys are not known from the last 5 minutes",
  [`GET ${V1}/content/search`]: "`?cql=`: CQL confined to the token's spaces (below); 1 call more when the spaces' current keys are not known from the last 5 minutes",
  [`POST ${V1}/content/{id}/label`]: 'body `[{"prefix","name"}]` or one such object',
  [`DELETE ${V1}/content/{id}/label`]: '`?name=`',
  [`POST ${V1}/content/{id}/child/attachment`]: 'multipart as received; text files only (below)',
  [`PUT ${V1}/content/{id}/child/attachment`]: 'multipart as received; text files only (below)',
  [`GET ${V1}/content`]: "`?spaceKey=&title=&type=page&expand=`; without `spaceKey`: the token's spaces; `type` other than `page` lists nothing",
  [`GET ${V1}/content/{id}`]: '`?expand=`; a footer comment by its id too (placed by its page: up to 3 Confluence calls)',
  [`POST ${V1}/content`]: '`space.key`; parent = last of `ancestors[].id`; `body.storage`, `body.atlas_doc_format` or `body.wiki`; pages, and `type: comment` with `container.id` = a page: a footer comment on it',
  [`PUT ${V1}/content/{id}`]:
    'a changed `space.key` or `ancestors` is a move, checked like a v2 move (an empty `space.key`, `_expandable`, `_links`, `extensions` are ignored, as Confluence ignores them); a body left out is kept; up to 3 Confluence calls',
  [`GET ${V2}/pages/{id}/footer-comments`]: "a comment's scope is its page's: the page must be in scope",
  [`GET ${V2}/pages/{id}/inline-comments`]: "a comment's scope is its page's: the page must be in scope",
  [`POST ${V2}/footer-comments`]: '`{pageId, body}`: a footer comment on a page in scope; replies and comments on other content are refused (400)',
  [`GET ${V1}/content/{id}/child/comment`]: 'footer, then inline comments of a page in scope (`?location=`, `expand=body.storage|body.atlas_doc_format,version`); paged by `_links.next`',
  [`DELETE ${V1}/content/{id}`]: 'to the trash; `status=trashed` (purge) is refused',
  [`GET ${V1}/space`]: '`?spaceKey=`; spaces out of scope are not listed',
  [`GET ${V1}/space/{key}`]: 'spaces out of scope are not listed',
};
