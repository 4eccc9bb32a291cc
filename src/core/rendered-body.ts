/**
 * Rendered page bodies. Confluence renders a body (`view`, `export_view`, `styled_view`,
 * `anonymous_export_view`, `editor`, …) as the reader, expanding macros as it goes: an Include Page,
 * Excerpt Include, Content by Label, Recently Updated, Blog Posts, Children or Page Tree of another page,
 * Task Report or Jira macro pulls content from anywhere the token's owner can read, and a page link
 * comes back with the other page's current title and address. A space-scoped token must not read
 * through that, so a rendered body is served only when the page's storage body holds nothing but
 * self-contained markup. This file is that decision, in one place: which formats are rendered, and
 * what in a storage body would make a rendering pull in other content.
 *
 * The scan is fail-closed: every prefixed element (`ac:`, `ri:`, any other) must be known to be
 * harmless, every macro must be on the allowlist by its exact name, and anything it cannot read
 * (a macro without a name, a namespace declaration that could rebind a prefix) is refused as well.
 * `storage` and `atlas_doc_format` are the page's source: their macros stay unrendered, so they are
 * served as they are.
 */

/** The formats that give the page's source, with its macros unrendered. Every other format is rendered. */
export const SOURCE_BODY_FORMATS: readonly string[] = ['storage', 'atlas_doc_format'];

/**
 * Macros whose rendering shows only what the page itself holds (their body and parameters): panels,
 * code, layout, the page's own table of contents and anchors, status lozenges, the page's own excerpt
 * and properties. Nothing else renders: a macro not named here is refused, however harmless.
 */
export const SELF_CONTAINED_MACROS: ReadonlySet<string> = new Set([
  'code', 'noformat', 'info', 'note', 'tip', 'warning', 'panel', 'expand', 'status', 'anchor', 'toc', 'toc-zone',
  'section', 'column', 'excerpt', 'details',
]);

/** ADF nodes stored in storage (new-editor pages): panels, decisions and expands show their own content. */
const SELF_CONTAINED_ADF_NODES: ReadonlySet<string> = new Set(['panel', 'decision-list', 'decision-item', 'expand', 'nested-expand']);

/**
 * Prefixed elements that neither fetch nor name other content. `ri:attachment` alone is an attachment
 * of the page itself; one of another page nests that page's `ri:page`, which is refused as such.
 * `ri:user` renders a person's name (people are not space content); `ri:url` is an outside address
 * the renderer does not fetch.
 */
const HARMLESS_ELEMENTS: ReadonlySet<string> = new Set([
  'ac:parameter', 'ac:rich-text-body', 'ac:plain-text-body', 'ac:link', 'ac:link-body', 'ac:plain-text-link-body', 'ac:image',
  'ac:emoticon', 'ac:placeholder', 'ac:inline-comment-marker', 'ac:task-list', 'ac:task', 'ac:task-id', 'ac:task-uuid',
  'ac:task-status', 'ac:task-body', 'ac:layout', 'ac:layout-section', 'ac:layout-cell', 'ac:adf-extension', 'ac:adf-attribute',
  'ac:adf-content', 'ac:adf-fallback', 'ac:adf-mark', 'ri:user', 'ri:url', 'ri:attachment',
]);

const MACRO_ELEMENTS: ReadonlySet<string> = new Set(['ac:structured-macro', 'ac:macro']);

/** Is this body format (v2 `body-format`, or v1's `body.<format>`) a rendering rather than the source? */
export function isRenderedFormat(format: string): boolean {
  return !SOURCE_BODY_FORMATS.includes(format);
}

/**
 * The rendered formats a request asks for: v2's `body-format`, and every `body.<format>` step of v1's
 * `expand` values, wherever it sits in the path (`body.view`, `content.body.view`,
 * `children.page.body.export_view`).
 */
export function renderedFormatsAsked(query: URLSearchParams): string[] {
  const asked = query.getAll('body-format').filter(isRenderedFormat);
  for (const expand of query.getAll('expand').flatMap((value) => value.split(','))) {
    const steps = expand.trim().split('.');
    steps.forEach((step, i) => {
      const format = steps[i + 1];
      if (step === 'body' && format !== undefined && isRenderedFormat(format)) asked.push(format);
    });
  }
  return [...new Set(asked)];
}

/** What in a storage body would pull foreign content into its rendering, said so a person can find it. */
export type ForeignContent = string;

const TOKENS = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\/?\s*([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, double, single] of text.matchAll(ATTRIBUTE)) attributes.set(name!.toLowerCase(), double ?? single ?? '');
  return attributes;
}

/** Why one element would render foreign content, or undefined when it cannot. */
function judgeElement(name: string, attributes: Map<string, string>): ForeignContent | undefined {
  for (const attribute of attributes.keys()) {
    if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) return `a namespace declaration (${attribute})`;
    if (attribute.endsWith('card-appearance')) return `a link card (${attribute}), which Confluence renders from the linked content`;
  }
  if (!name.includes(':')) return undefined;
  if (MACRO_ELEMENTS.has(name)) {
    const macro = attributes.get('ac:name');
    if (macro === undefined) return 'a macro without a name';
    return SELF_CONTAINED_MACROS.has(macro) ? undefined : `the macro "${macro}"`;
  }
  if (name === 'ac:adf-node') {
    const type = attributes.get('type') ?? '';
    return SELF_CONTAINED_ADF_NODES.has(type) ? undefined : `the editor node "${type}"`;
  }
  if (HARMLESS_ELEMENTS.has(name)) return undefined;
  if (name.startsWith('ri:')) return `a reference to other content (${name})`;
  return `the element ${name}`;
}

/**
 * The first thing in a storage body whose rendering would pull in content from elsewhere, or
 * undefined when the body renders only its own content. CDATA sections and comments are text, as
 * Confluence reads them; a tag's quoted attribute values are read as part of the tag.
 */
export function foreignContentIn(storage: string): ForeignContent | undefined {
  for (const [token, rawName, attributes] of storage.matchAll(TOKENS)) {
    if (rawName === undefined || token.startsWith('</')) continue;
    const found = judgeElement(rawName.toLowerCase(), attributesOf(attributes ?? ''));
    if (found) return found;
  }
  return undefined;
}
