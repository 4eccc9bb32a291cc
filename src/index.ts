/** The handlers named in manifest.yml, and nothing else. */
export { resolverHandler } from './adapters/resolvers/handlers';
export { gatewayHandler } from './adapters/web-trigger/gateway';
export { foldTriggerHandler } from './adapters/scheduled/fold-trigger';
export { privacyTriggerHandler } from './adapters/scheduled/privacy-trigger';
