import type { MouseEvent } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { router } from '@forge/bridge';
import type { PageName } from './page-names';

/** Opens Confluence's page in a new tab: the app's frame may not navigate itself away. */
function openInConfluence(event: MouseEvent<HTMLAnchorElement>, url: string) {
  event.preventDefault();
  void router.open(url);
}

/** The audit log's page column: the title linked to the page, or what the viewer may know about it. */
export function PageCell({ pageId, page, testId }: { pageId: string; page: PageName; testId: string }) {
  const id = <div className="subtle">ID {pageId}</div>;
  switch (page.state) {
    case 'visible':
      return (
        <div data-testid={testId} data-page-state="visible">
          <a href={page.url} onClick={(event) => openInConfluence(event, page.url)}>
            {page.title}
          </a>
          {id}
        </div>
      );
    case 'deleted':
      return (
        <div data-testid={testId} data-page-state="deleted">
          <span>{page.title ?? `Page ${pageId}`}</span> <Lozenge appearance="removed">Deleted</Lozenge>
          {page.title !== null && id}
        </div>
      );
    case 'restricted':
      return (
        <div data-testid={testId} data-page-state="restricted">
          <span>Restricted page</span>
          {id}
        </div>
      );
    case 'unknown':
      return (
        <div data-testid={testId} data-page-state="unknown">
          Page {pageId}
        </div>
      );
  }
}
