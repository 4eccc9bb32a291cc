/** The known faults of Atlassian's Confluence specs, and how the validator handles each. */

export type Json = Record<string, unknown>;

/** The node at a local JSON pointer (`#/components/…`) of a spec document. */
export function at(doc: Json, pointer: string): Json {
  let node: unknown = doc;
  for (const part of pointer.replace(/^#\//, '').split('/')) {
    node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`Spec reference ${pointer} does not resolve`);
  }
  return node as Json;
}

/** The specs' known quirks, and how the validator handles each. */
export const SPEC_QUIRKS = [
  'PageUpdateRequest.spaceId/parentId/ownerId have `format: "string"` and no type: patched to `type: "string"`.',
  'Page bodies on write are `oneOf [PageBodyWrite, PageNestedBodyWrite]`, but every object matches both (no required properties): checked as `anyOf`.',
  'Comment bodies on write (CreateFooterCommentModel) are `oneOf [CommentBodyWrite, CommentNestedBodyWrite]`, with the same fault: checked as `anyOf`.',
  'PageSingle/PageBulk.parentId and parentType are not nullable, though their descriptions say null when there is no parent: patched to allow null.',
  'No error schema: v2 errors are checked against `{"errors":[{"status","code","title","detail"}]}`, v1 errors against `{statusCode, message, data}`.',
  'updatePage and updatePagePropertyById answer 409 on a version conflict, which the spec does not list: allowed.',
  'Only createPage lists 413, but every request body over 5 MB answers it: allowed for every operation that takes a body.',
  'Array query parameters are documented as comma-separated lists (form style, not exploded): both `a,b` and repeated parameters are read.',
] as const;

/** Updates that take `version.number` = current + 1 and answer 409 otherwise (see SPEC_QUIRKS). */
export const VERSIONED_UPDATES: ReadonlySet<string> = new Set(['updatePage', 'updatePagePropertyById']);

export const V2_ERROR_SCHEMA: Json = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['status', 'code', 'title'],
        properties: {
          status: { type: 'integer' },
          code: { type: 'string' },
          title: { type: 'string' },
          detail: { type: ['string', 'null'] },
        },
      },
    },
  },
};

export const V1_ERROR_SCHEMA: Json = {
  type: 'object',
  required: ['statusCode', 'message'],
  properties: { statusCode: { type: 'integer' }, message: { type: 'string' }, data: { type: 'object' } },
};

/** Patches the v2 document (a private copy) where its schemas contradict Confluence's answers. */
export function patchQuirks(v2: Json): void {
  const schemas = at(v2, '#/components/schemas');
  const update = at(v2, '#/components/requestBodies/PageUpdateRequest/content/application~1json/schema/properties');
  for (const name of ['spaceId', 'parentId', 'ownerId']) {
    const property = update[name] as Json;
    delete property.format;
    property.type = 'string';
  }
  for (const body of ['PageCreateRequest', 'PageUpdateRequest']) {
    const properties = at(v2, `#/components/requestBodies/${body}/content/application~1json/schema/properties`);
    const bodySchema = properties.body as Json;
    bodySchema.anyOf = bodySchema.oneOf;
    delete bodySchema.oneOf;
  }
  const commentBody = (schemas.CreateFooterCommentModel as Json).properties as Json;
  const commentBodySchema = commentBody.body as Json;
  commentBodySchema.anyOf = commentBodySchema.oneOf;
  delete commentBodySchema.oneOf;
  for (const page of ['PageSingle', 'PageBulk']) {
    const properties = (schemas[page] as Json).properties as Json;
    (properties.parentId as Json).nullable = true;
    properties.parentType = { anyOf: [{ type: 'null' }, properties.parentType] };
  }
}
