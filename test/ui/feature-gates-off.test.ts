import * as real from '@atlaskit/feature-gate-js-client/feature-gates';
import * as off from '../../static/common/aliases/feature-gates-off';

const { default: RealFeatureGates, ...realNamed } = real;
const { default: FeatureGates, ...offNamed } = off;

/** Public static members of the real client class (its own keys, less the class machinery). */
function realMembers(): string[] {
  const classKeys = new Set(['length', 'name', 'prototype', 'client', 'hasCheckGateErrorOccurred', 'hasGetExperimentValueErrorOccurred']);
  return Object.getOwnPropertyNames(RealFeatureGates).filter((key) => !classKeys.has(key));
}

// The Custom UI builds alias the real module to this one: any export or member it lacks would be a
// run-time error in every page that reached it.
describe('feature-gates-off, the build alias for Atlaskit’s feature-flag client', () => {
  it('has every member of the real client, each a function', () => {
    const missing = realMembers().filter((key) => typeof (FeatureGates as unknown as Record<string, unknown>)[key] !== 'function');
    expect(missing).toEqual([]);
    expect(realMembers().length).toBeGreaterThan(30);
  });

  it('has every named export of the real module', () => {
    expect(Object.keys(offNamed).sort()).toEqual(expect.arrayContaining(Object.keys(realNamed).filter((key) => key !== '__esModule').sort()));
  });

  it('answers as the real client does before anyone initialised it', () => {
    // The real client warns once per kind of call that it was never initialised; that is expected here.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const client of [RealFeatureGates, FeatureGates]) {
      expect(client.checkGate('platform-some-gate')).toBe(false);
      expect(client.getExperimentValue('experiment', 'parameter', 'fallback')).toBe('fallback');
      expect(client.getLayerValue('layer', 'parameter', 7)).toBe(7);
      expect(client.getExperiment('experiment').get('parameter', 'fallback')).toBe('fallback');
      expect(client.getLayer('layer').get('parameter', 'fallback')).toBe('fallback');
      expect(client.initializeCalled()).toBe(false);
      expect(client.getPackageVersion()).toBe(RealFeatureGates.getPackageVersion());
    }
  });
});
