export { ForgePlatform, createForgePlatform } from './platform';
export type {
  ForgePlatformOptions,
  InvokeResolverOptions,
  PlatformFailure,
  ResolverHandler,
  WebTriggerHandler,
} from './platform';
export { loadManifest } from './manifest';
export type { AppManifest, ScopeGrant } from './manifest';
export { FORGE_PROXY_ERROR_HEADER, IMPERSONATION_NOT_ALLOWED, USER_CONTEXT_MISSING } from './product-proxy';
export type { ProxyRefusal, RefusalReason } from './product-proxy';
export type { CapturedLog, LogLevel } from './log-capture';
export type { InvocationInfo } from './runtime';
export type { WebTriggerRequest, WebTriggerResponse, WebTriggerCall } from './web-trigger';
