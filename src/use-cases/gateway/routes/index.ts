/**
 * The gateway's one table of routes, family by family. A path answers 405 when another method has a
 * route for it, 404 when nothing does.
 */
import type { RouteDefinition } from '../route';
import { APP_ROUTES } from './app';
import { V1_COMMENT_ROUTES } from './v1-comments';
import { V2_COMMENT_ROUTES } from './v2-comments';
import { V2_PAGE_CONTENT_ROUTES } from './v2-page-content';
import { V2_PAGE_TREE_ROUTES } from './v2-page-tree';
import { V2_PAGE_ROUTES } from './v2-pages';
import { V2_SPACE_ROUTES } from './v2-spaces';
import { V1_CONTENT_ROUTES } from './v1-content';
import { V1_DOCUMENTED_ROUTES } from './v1-documented';
import { V1_SPACE_ROUTES } from './v1-spaces';

export const ROUTES: readonly RouteDefinition[] = [
  ...APP_ROUTES, ...V2_SPACE_ROUTES, ...V2_PAGE_ROUTES, ...V2_PAGE_TREE_ROUTES, ...V2_PAGE_CONTENT_ROUTES, ...V2_COMMENT_ROUTES,
  ...V1_DOCUMENTED_ROUTES, ...V1_CONTENT_ROUTES, ...V1_COMMENT_ROUTES, ...V1_SPACE_ROUTES,
];
