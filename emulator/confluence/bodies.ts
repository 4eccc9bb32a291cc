/**
 * Page bodies. The stand-in stores a body in the representation it was written in and converts
 * between storage (XHTML) and atlas_doc_format (ADF JSON) at paragraph-and-text level only: enough
 * for a client that reads back what it wrote, not a renderer. Wiki markup is accepted on write, as
 * Confluence does, and stored as storage paragraphs (one per line).
 */
import { badRequest } from './errors';
import type { StoredBody, StoredRepresentation } from './model';

export const READABLE_FORMATS: readonly StoredRepresentation[] = ['storage', 'atlas_doc_format'];

/**
 * The HTML renderings a single page can be read in (GET /pages/{id}'s body-format). The stand-in's
 * bodies are paragraphs of text, which Confluence renders as the same `<p>` elements in each of them.
 */
export const RENDERED_FORMATS = ['view', 'export_view', 'anonymous_export_view', 'styled_view', 'editor'] as const;
export type RenderedFormat = (typeof RENDERED_FORMATS)[number];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function storageParagraphs(storage: string): string[] {
  const blocks = storage.match(/<p[^>]*>[\s\S]*?<\/p>/g) ?? (storage.trim() ? [storage] : []);
  return blocks.map((block) => unescapeXml(block.replace(/<[^>]+>/g, '')));
}

interface AdfNode {
  type?: string;
  text?: string;
  content?: AdfNode[];
}

function adfText(node: AdfNode): string {
  return (node.text ?? '') + (node.content ?? []).map(adfText).join('');
}

function adfParagraphs(adf: string): string[] {
  let doc: AdfNode;
  try {
    doc = JSON.parse(adf) as AdfNode;
  } catch {
    throw badRequest('The atlas_doc_format body is not valid JSON');
  }
  return (doc.content ?? []).map(adfText);
}

function toStorage(paragraphs: string[]): string {
  return paragraphs.map((text) => `<p>${escapeXml(text)}</p>`).join('');
}

function toAdf(paragraphs: string[]): string {
  const content = paragraphs.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }));
  return JSON.stringify({ type: 'doc', version: 1, content });
}

/**
 * The body as the caller asked to read it. A rendering of a storage body holding macros or links goes
 * through `expand` (render.ts, as the reader), when given; otherwise it is the body's paragraphs.
 */
export function renderBody(
  body: StoredBody,
  format: StoredRepresentation | RenderedFormat,
  expand?: (storage: string) => string,
): { representation: typeof format; value: string } {
  if (body.representation === format) return { ...body };
  if (expand && body.representation === 'storage' && (RENDERED_FORMATS as readonly string[]).includes(format) && /<(ac|ri):/i.test(body.value)) {
    return { representation: format, value: expand(body.value) };
  }
  const paragraphs = body.representation === 'storage' ? storageParagraphs(body.value) : adfParagraphs(body.value);
  return { representation: format, value: format === 'atlas_doc_format' ? toAdf(paragraphs) : toStorage(paragraphs) };
}

interface BodyWrite {
  representation?: string;
  value?: string;
}

/**
 * A request's body in either spec form, `{representation, value}` or `{storage: {representation, value}}`,
 * as stored. A missing body is an empty storage body.
 */
export function bodyFromRequest(raw: unknown): StoredBody {
  if (raw === undefined || raw === null) return { representation: 'storage', value: '' };
  const given = raw as BodyWrite & Record<string, BodyWrite | undefined>;
  const write: BodyWrite = given.representation !== undefined ? given : (given.storage ?? given.atlas_doc_format ?? given.wiki ?? {});
  const value = write.value ?? '';
  switch (write.representation) {
    case 'storage':
      return { representation: 'storage', value };
    case 'atlas_doc_format':
      adfParagraphs(value);
      return { representation: 'atlas_doc_format', value };
    case 'wiki':
      return { representation: 'storage', value: toStorage(value.split('\n').filter((line) => line.trim() !== '')) };
    default:
      throw badRequest('The body must give a representation: storage, atlas_doc_format or wiki');
  }
}
