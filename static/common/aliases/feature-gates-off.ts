/**
 * Stands in for `@atlaskit/feature-gate-js-client/feature-gates` in the Custom UI builds (the alias is in
 * static/common/vite-config.mts). Atlaskit components ask it about platform feature flags through
 * `fg()`; the real client wraps Statsig's SDK (110 KB of each page's minified script, 27 KB gzip)
 * and answers "off" until someone calls `initialize()` with a Statsig key, which a Forge app never
 * does. So this module answers as the real client does when nobody initialised it: every gate off,
 * every experiment and layer value its default, nothing fetched, logged or stored.
 *
 * Same shape as the real default export (typed against it below) and the same named exports, so no
 * import of it can fail at run time; test/ui/feature-gates-off.test.ts compares both at run time.
 */
import type RealFeatureGates from '@atlaskit/feature-gate-js-client/feature-gates';
import { DynamicConfig } from '@atlaskit/feature-gate-js-client/dynamic-config';
import { Layer } from '@atlaskit/feature-gate-js-client/layer';
import { EvaluationReason } from '@atlaskit/feature-gate-js-client/compat/types';
import { CLIENT_VERSION } from '@atlaskit/feature-gate-js-client/version';

export { DynamicConfig, EvaluationReason, CLIENT_VERSION };
export { FeatureGateEnvironment, PerimeterType } from '@atlaskit/feature-gate-js-client/types';

/** Every public static member of the real client class. */
type FeatureGatesClient = Omit<typeof RealFeatureGates, 'prototype'>;

const NOT_INITIALISED = 'The client must be initialized before you can wait until initialized.';
const nothingToUnsubscribe = () => undefined;

const FeatureGates: FeatureGatesClient = {
  checkGate: () => false,
  // What the real client answers when it cannot tell: it exists, so nobody assumes it was removed.
  isGateExists: () => true,
  isExperimentExists: () => true,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T) => defaultValue,
  getExperiment: (experimentName) =>
    new DynamicConfig(experimentName, {}, '', { time: Date.now(), reason: EvaluationReason.Uninitialized }),
  getLayer: (layerName) =>
    Layer.fromLayer({ name: layerName, __value: {}, ruleID: '', details: { reason: 'Uninitialized' }, get: () => undefined } as never),
  getLayerValue: <T>(_layer: string, _parameter: string, defaultValue: T) => defaultValue,
  initializeCalled: () => false,
  initializeCompleted: () => false,
  waitUntilInitializeCompleted: () => Promise.reject(new Error(NOT_INITIALISED)),
  // Nothing to fetch from: the gates stay off, as they do for a real client whose fetch failed.
  initialize: () => Promise.resolve(),
  initializeWithProvider: () => Promise.resolve(),
  initializeFromValues: () => Promise.resolve(),
  updateUser: () => Promise.resolve(),
  updateUserWithProvider: () => Promise.resolve(),
  updateUserWithValues: () => Promise.resolve(),
  isCurrentUser: () => false,
  manuallyLogGateExposure: () => undefined,
  manuallyLogExperimentExposure: () => undefined,
  manuallyLogLayerExposure: () => undefined,
  shutdownStatsig: () => undefined,
  overrideGate: () => undefined,
  clearGateOverride: () => undefined,
  overrideConfig: () => undefined,
  clearConfigOverride: () => undefined,
  setOverrides: () => undefined,
  getOverrides: () => ({ gates: {}, configs: {}, layers: {} }),
  clearAllOverrides: () => undefined,
  onGateUpdated: () => nothingToUnsubscribe,
  onExperimentValueUpdated: () => nothingToUnsubscribe,
  onAnyUpdated: () => nothingToUnsubscribe,
  getPackageVersion: () => CLIENT_VERSION,
  getTargetApp: () => undefined,
};

export default FeatureGates;
