import { startBrowserSession } from '../../test/browser/browser-session';
import { FIRST_LOAD_BUDGET_GZIP_BYTES, measureFirstLoad, PAGE_VIEWS, type FetchedFile, type PageName } from '../../test/browser/first-load';
import { seedActivity } from '../../emulator/demo/seed';
import { median } from './stats';

export const UI_LOAD_RUNS = 5;

export interface UiLoad {
  page: PageName;
  /** Every script and stylesheet the frame fetched from its resource, gzip -9 (the same in every run). */
  gzipBytes: number;
  files: FetchedFile[];
  /** Navigation start to the first table with a row, median of UI_LOAD_RUNS fresh loads. */
  readyMs: number;
}

/**
 * Each Custom UI page loaded UI_LOAD_RUNS times in headless Chromium from the local server, with
 * test/browser/seed.ts's tokens and audit events so every page shows a table; each load in a fresh
 * browser context (empty cache). The pages are measured in turn within each round, so that a slow
 * moment of the machine falls on all of them alike. Uses the builds as they are: run it after a build.
 */
export async function measureUiLoad(): Promise<UiLoad[]> {
  const session = await startBrowserSession();
  try {
    await seedActivity(session.server);
    const pages = Object.keys(PAGE_VIEWS) as PageName[];
    const runs = new Map(pages.map((page) => [page, [] as Awaited<ReturnType<typeof measureFirstLoad>>[]]));
    for (let round = 0; round < UI_LOAD_RUNS; round++) {
      for (const page of pages) runs.get(page)!.push(await measureFirstLoad(session, PAGE_VIEWS[page]));
    }
    return pages.map((page) => {
      const loads = runs.get(page)!;
      const sizes = new Set(loads.map((load) => load.gzipBytes));
      // The same build fetched the same way: a difference would mean the measure caught a partial load.
      if (sizes.size !== 1) throw new Error(`${page}: first load differed between runs (${[...sizes].join(', ')} bytes gzip)`);
      return { page, gzipBytes: loads[0].gzipBytes, files: loads[0].files, readyMs: median(loads.map((load) => load.readyMs)) };
    });
  } finally {
    await session.close();
  }
}

export { FIRST_LOAD_BUDGET_GZIP_BYTES };
