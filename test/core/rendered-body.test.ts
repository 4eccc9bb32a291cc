import { foreignContentIn, isRenderedFormat, renderedFormatsAsked, SELF_CONTAINED_MACROS } from '../../src/core/rendered-body';

const macro = (name: string, inner = '') => `<ac:structured-macro ac:name="${name}" ac:schema-version="1">${inner}</ac:structured-macro>`;

describe('which body formats are rendered', () => {
  it('treats everything but storage and atlas_doc_format as a rendering', () => {
    expect(['view', 'export_view', 'styled_view', 'anonymous_export_view', 'editor', 'editor2', 'dynamic', 'wiki'].every(isRenderedFormat)).toBe(true);
    expect(['storage', 'atlas_doc_format'].some(isRenderedFormat)).toBe(false);
  });

  it('finds renderings in body-format and in every body step of v1 expansions', () => {
    const asked = (query: string) => renderedFormatsAsked(new URLSearchParams(query));
    expect(asked('body-format=view')).toEqual(['view']);
    expect(asked('body-format=storage&expand=body.storage,content.body.atlas_doc_format')).toEqual([]);
    expect(asked('expand=content.body.export_view')).toEqual(['export_view']);
    expect(asked('expand=space,children.page.body.styled_view&expand=body.view')).toEqual(['styled_view', 'view']);
  });
});

describe('what in a storage body pulls in other content', () => {
  it('lets self-contained macros, layouts, tasks, images and mentions through', () => {
    const body = [
      ...[...SELF_CONTAINED_MACROS].map((name) => macro(name, '<ac:rich-text-body><p>own text</p></ac:rich-text-body>')),
      '<ac:layout><ac:layout-section ac:type="single"><ac:layout-cell><p>x</p></ac:layout-cell></ac:layout-section></ac:layout>',
      '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Do</ac:task-body></ac:task></ac:task-list>',
      '<ac:image><ri:attachment ri:filename="a.png"/></ac:image><ac:link><ri:user ri:account-id="bob"/></ac:link><ac:image><ri:url ri:value="https://example.com/a.png"/></ac:image>',
      '<p><a href="https://example.com">plain link</a><ac:emoticon ac:name="smile"/></p>',
    ].join('');
    expect(foreignContentIn(body)).toBeUndefined();
  });

  it.each([
    ['include', macro('include', '<ac:parameter ac:name=""><ac:link><ri:page ri:content-title="X"/></ac:link></ac:parameter>'), 'the macro "include"'],
    ['a macro off the list', macro('excerpt-include'), 'the macro "excerpt-include"'],
    ['an old-style macro', '<ac:macro ac:name="contentbylabel"/>', 'the macro "contentbylabel"'],
    ['a macro named in single quotes', "<ac:structured-macro ac:name='jira'/>", 'the macro "jira"'],
    ['a macro whose name is escaped', '<ac:structured-macro ac:name="&#105;nclude"/>', 'the macro "&#105;nclude"'],
    ['a macro in upper case', '<AC:STRUCTURED-MACRO AC:NAME="children"/>', 'the macro "children"'],
    ['a macro without a name', '<ac:structured-macro/>', 'a macro without a name'],
    ['a page link', '<ac:link><ri:page ri:content-title="Salaries" ri:space-key="PRIV"/></ac:link>', 'a reference to other content (ri:page)'],
    ['another page’s attachment', '<ac:image><ri:attachment ri:filename="a.png"><ri:page ri:content-title="Other"/></ri:attachment></ac:image>', 'a reference to other content (ri:page)'],
    ['a link card', '<ac:link ac:card-appearance="block"><ri:url ri:value="https://x/wiki/pages/1"/></ac:link>', 'a link card (ac:card-appearance), which Confluence renders from the linked content'],
    ['an inline card', '<a href="https://x/wiki/pages/1" data-card-appearance="inline">x</a>', 'a link card (data-card-appearance), which Confluence renders from the linked content'],
    ['a rebound prefix', '<x:structured-macro xmlns:x="http://atlassian.com/content" x:name="include"/>', 'a namespace declaration (xmlns:x)'],
    ['an unknown element', '<ac:adf-node type="extension"/>', 'the editor node "extension"'],
    ['a macro after a CDATA-looking attribute', '<a title="<![CDATA[">x</a>' + macro('include') + '<a title="]]>">y</a>', 'the macro "include"'],
  ])('refuses %s', (_case, storage, found) => {
    expect(foreignContentIn(storage)).toBe(found);
  });

  it('reads CDATA sections and comments as text, as Confluence does', () => {
    expect(foreignContentIn(macro('code', `<ac:plain-text-body><![CDATA[${macro('include')}]]></ac:plain-text-body>`))).toBeUndefined();
    expect(foreignContentIn(`<!-- ${macro('include')} --><p>x</p>`)).toBeUndefined();
  });
});
