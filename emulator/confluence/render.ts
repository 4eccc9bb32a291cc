/**
 * Confluence's HTML renderings of a storage body (`view`, `export_view`, `styled_view`, …), as the
 * reader sees them. Confluence expands macros while it renders, with the reader's permissions: an
 * Include Page shows another page's body, Content by Label and Recently Updated list pages across
 * spaces, Children and Page Tree list another page's pages, a Task Report collects tasks, a page link
 * comes back with the linked page's current title. The stand-in renders those macros the same way, so
 * what a rendering can leak is visible to clients and tests; macros showing only their own body
 * (panels, code…) render that body, and Jira macros a visible placeholder (there is no Jira here).
 * It is not Confluence's HTML: enough structure to show what a rendering carries.
 */
import { escapeXml } from './bodies';
import type { ConfluenceState, StoredPage } from './model';
import { canViewPage, type Actor } from './permissions';

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
}
type Node = Element | string;

const TOKENS = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(\/?)>|([^<]+)|</g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Storage as a tree; unmatched closing tags are ignored, unclosed elements end with their parent. */
function parse(storage: string): Node[] {
  const root: Element = { name: '#root', attributes: {}, children: [] };
  const open: Element[] = [root];
  for (const [token, cdata, closing, name, attributes, selfClosing, text] of storage.matchAll(TOKENS)) {
    const parent = open.at(-1)!;
    if (cdata !== undefined) parent.children.push(escapeXml(cdata));
    else if (closing !== undefined) {
      const at = open.map((element) => element.name).lastIndexOf(closing);
      if (at > 0) open.length = at;
    } else if (name !== undefined) {
      const element: Element = { name, attributes: Object.fromEntries([...(attributes ?? '').matchAll(ATTRIBUTE)].map(([, key, a, b]) => [key!, a ?? b ?? ''])), children: [] };
      parent.children.push(element);
      if (!selfClosing) open.push(element);
    } else if (text !== undefined) parent.children.push(text);
    else if (!token.startsWith('<!--')) parent.children.push('&lt;');
  }
  return root.children;
}

const elements = (nodes: Node[]) => nodes.filter((node): node is Element => typeof node !== 'string');
const find = (nodes: Node[], name: string): Element | undefined => elements(nodes).find((node) => node.name === name);
const textOf = (nodes: Node[]): string => nodes.map((node) => (typeof node === 'string' ? node : textOf(node.children))).join('');

/** How many includes deep a rendering goes (Confluence stops include loops too). */
const MAX_DEPTH = 3;

interface Rendering {
  state: ConfluenceState;
  actor: Actor;
  page: StoredPage | undefined;
  depth: number;
}

const visible = (r: Rendering, page: StoredPage | undefined): page is StoredPage =>
  page !== undefined && page.status === 'current' && canViewPage(r.state, page, r.actor);

const pageLink = (r: Rendering, page: StoredPage) =>
  `<a href="/wiki/spaces/${r.state.spaces[page.spaceId]?.key ?? ''}/pages/${page.id}" data-linked-resource-id="${page.id}">${escapeXml(page.title)}</a>`;

const pageList = (r: Rendering, pages: StoredPage[], className: string) =>
  `<ul class="${className}">${pages.filter((page) => visible(r, page)).map((page) => `<li>${pageLink(r, page)}</li>`).join('')}</ul>`;

/** The page an `ri:page` (by content id, or title and space key; the rendered page's space by default) names. */
function pageNamed(r: Rendering, reference: Element | undefined): StoredPage | undefined {
  if (!reference) return undefined;
  const byId = reference.attributes['ri:content-id'];
  if (byId) return r.state.pages[byId];
  const spaceKey = reference.attributes['ri:space-key'] ?? (r.page ? r.state.spaces[r.page.spaceId]?.key : undefined);
  const title = reference.attributes['ri:content-title'];
  return Object.values(r.state.pages).find((page) => page.title === title && r.state.spaces[page.spaceId]?.key === spaceKey && page.status === 'current');
}

function parameter(macro: Element, name: string): Element | undefined {
  return elements(macro.children).find((child) => child.name === 'ac:parameter' && (child.attributes['ac:name'] ?? '') === name);
}

const linkedPage = (r: Rendering, param: Element | undefined) => pageNamed(r, param && (find(param.children, 'ri:page') ?? find(find(param.children, 'ac:link')?.children ?? [], 'ri:page')));

/** Space keys a macro's `spaces` parameter names: `@all` for every space, the rendered page's space when none. */
function spacesOf(r: Rendering, macro: Element): (page: StoredPage) => boolean {
  const keys = textOf(parameter(macro, 'spaces')?.children ?? parameter(macro, 'spaceKey')?.children ?? []).split(',').map((key) => key.trim()).filter(Boolean);
  if (keys.includes('@all')) return () => true;
  const wanted = keys.length > 0 ? keys : [r.page ? r.state.spaces[r.page.spaceId]?.key : undefined];
  return (page) => wanted.includes(r.state.spaces[page.spaceId]?.key);
}

function descendants(state: ConfluenceState, root: StoredPage, all: boolean): StoredPage[] {
  const children = Object.values(state.pages).filter((page) => page.parentId === root.id);
  return all ? children.flatMap((child) => [child, ...descendants(state, child, true)]) : children;
}

function included(r: Rendering, target: StoredPage | undefined, excerptOnly: boolean): string {
  if (!visible(r, target) || r.depth >= MAX_DEPTH) return '<div class="error">The included page could not be found.</div>';
  const nodes = parse(target.body.representation === 'storage' ? target.body.value : '');
  const excerpt = elements(nodes).find((node) => node.name === 'ac:structured-macro' && node.attributes['ac:name'] === 'excerpt');
  const shown = excerptOnly && excerpt ? (find(excerpt.children, 'ac:rich-text-body')?.children ?? []) : nodes;
  return `<div class="${excerptOnly ? 'excerpt-include' : 'include'}">${renderNodes({ ...r, page: target, depth: r.depth + 1 }, shown)}</div>`;
}

function renderMacro(r: Rendering, macro: Element): string {
  const name = macro.attributes['ac:name'] ?? '';
  const labelled = (labels: string[]) => (page: StoredPage) => page.labelIds.some((id) => labels.includes(r.state.labels[id]?.name ?? ''));
  const current = Object.values(r.state.pages).filter((page) => page.status === 'current');
  switch (name) {
    case 'include':
      return included(r, linkedPage(r, parameter(macro, '') ?? parameter(macro, 'page')), false);
    case 'excerpt-include':
      return included(r, linkedPage(r, parameter(macro, '') ?? parameter(macro, 'page')), true);
    case 'contentbylabel': {
      const labels = textOf(parameter(macro, 'labels')?.children ?? []).split(',').map((label) => label.trim());
      return pageList(r, current.filter(labelled(labels)).filter(spacesOf(r, macro)), 'content-by-label');
    }
    case 'recently-updated': {
      const max = Number(textOf(parameter(macro, 'max')?.children ?? [])) || 15;
      const recent = current.filter(spacesOf(r, macro)).filter((page) => visible(r, page)).sort((a, b) => b.version.createdAt.localeCompare(a.version.createdAt));
      return pageList(r, recent.slice(0, max), 'recently-updated');
    }
    case 'blog-posts':
      return '<div class="blog-posts">No blog posts found.</div>';
    case 'children': {
      const root = linkedPage(r, parameter(macro, 'page')) ?? r.page;
      return root ? pageList(r, descendants(r.state, root, textOf(parameter(macro, 'all')?.children ?? []) === 'true'), 'children') : '';
    }
    case 'pagetree': {
      const root = linkedPage(r, parameter(macro, 'root')) ?? r.page;
      return root ? pageList(r, descendants(r.state, root, true), 'pagetree') : '';
    }
    case 'tasks-report-macro': {
      const tasks = current.filter(spacesOf(r, macro)).filter((page) => visible(r, page) && page.body.representation === 'storage')
        .flatMap((page) => elements(parse(page.body.value)).flatMap((node) => (node.name === 'ac:task-list' ? elements(node.children) : [])))
        .map((task) => `<li>${renderNodes(r, find(task.children, 'ac:task-body')?.children ?? [])}</li>`);
      return `<ul class="tasks-report">${tasks.join('')}</ul>`;
    }
    case 'jira': {
      const asked = textOf(parameter(macro, 'key')?.children ?? parameter(macro, 'jqlQuery')?.children ?? []);
      return `<span class="jira-issue">Jira: ${asked}</span>`;
    }
    default: {
      const rich = find(macro.children, 'ac:rich-text-body');
      if (rich) return `<div class="macro-${escapeXml(name)}">${renderNodes(r, rich.children)}</div>`;
      const plain = find(macro.children, 'ac:plain-text-body');
      return plain ? `<pre class="macro-${escapeXml(name)}">${textOf(plain.children)}</pre>` : `<span class="macro-${escapeXml(name)}"></span>`;
    }
  }
}

function renderNode(r: Rendering, node: Node): string {
  if (typeof node === 'string') return node;
  if (node.name === 'ac:structured-macro' || node.name === 'ac:macro') return renderMacro(r, node);
  if (node.name === 'ac:link') {
    const target = pageNamed(r, find(node.children, 'ri:page'));
    if (visible(r, target)) return pageLink(r, target);
    return `<a class="unresolved">${escapeXml(textOf(node.children))}</a>`;
  }
  if (node.name.includes(':')) return renderNodes(r, node.children);
  const attributes = Object.entries(node.attributes).map(([key, value]) => ` ${key}="${value}"`).join('');
  return `<${node.name}${attributes}>${renderNodes(r, node.children)}</${node.name}>`;
}

function renderNodes(r: Rendering, nodes: Node[]): string {
  return nodes.map((node) => renderNode(r, node)).join('');
}

/** The storage body of `page` (or of a body not yet saved) rendered as `actor` sees it. */
export function renderStorageFor(state: ConfluenceState, actor: Actor, storage: string, page?: StoredPage): string {
  return renderNodes({ state, actor, page, depth: 0 }, parse(storage));
}
