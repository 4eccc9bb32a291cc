/**
 * The emulated Forge platform. Typical use (tests, local server):
 *
 *   const manifest = loadManifest('manifest.yml');
 *   const kvs = createKvsEngine({ entities: manifest.entities, backend: openDirectoryBackend(dir) });
 *   const platform = createForgePlatform({ manifest: 'manifest.yml', kvs, products: { confluence }, webTriggerUrl });
 *   platform.install();            // the real @forge/api and @forge/kvs now talk to the emulator
 *   await platform.invokeResolver(handler, { accountId, functionKey: 'listTokens', payload });
 *   await platform.invokeWebTrigger(gatewayHandler, { method: 'GET', path, userPath, headers, queryParameters, body });
 *   await platform.invokeScheduledTrigger(foldTriggerHandler, 'fold-audit-events');
 *   platform.uninstall();
 */
export { ForgePlatform, createForgePlatform } from './platform';
export type {
  ForgePlatformOptions,
  InvokeResolverOptions,
  PlatformFailure,
  ResolverHandler,
  ScheduledRun,
  ScheduledTriggerHandler,
  ScheduledTriggerRequest,
  WebTriggerHandler,
} from './platform';
export { loadManifest, runtimeNodeMajor, SCHEDULE_INTERVAL_MS } from './manifest';
export type { AppManifest, ScheduledTriggerModule, ScheduleInterval, ScopeGrant } from './manifest';
export { FORGE_PROXY_ERROR_HEADER, IMPERSONATION_NOT_ALLOWED, USER_CONTEXT_MISSING } from './product-proxy';
export type { ProxyRefusal, RefusalReason } from './product-proxy';
export type { CapturedLog, LogLevel } from './log-capture';
export type { InvocationInfo } from './runtime';
export type { WebTriggerRequest, WebTriggerResponse, WebTriggerCall } from './web-trigger';
export { FORGE_PAYLOAD_LIMIT_BYTES, PLATFORM_PAYLOAD_TOO_LARGE } from './web-trigger';
export { AccountDirectory, REPORT_ACCOUNTS_PATH, REPORT_LIMIT } from './personal-data';
