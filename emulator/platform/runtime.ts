import { randomBytes, randomUUID } from 'node:crypto';

/** Identifies the installation the emulated app runs in. */
export interface InstallationInfo {
  appId: string;
  environmentId: string;
  environmentType: string;
  installationId: string;
  cloudId: string;
  scopes: string[];
}

export interface InvocationInfo {
  moduleKey: string;
  moduleType: string;
  functionKey: string;
  /** The invoking user; absent for web triggers and other modules without a user. */
  accountId?: string;
  timeoutMs: number;
}

const noopCounter = { incr() {}, incrBy() {}, decr() {}, decrBy() {} };
const noopMetrics = {
  counter: () => noopCounter,
  timing: () => ({ measure: () => ({ stop() {} }) }),
  gauge: () => ({ set() {} }),
};

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

export function installContextAri(cloudId: string): string {
  return `ari:cloud:confluence::site/${cloudId}`;
}

/**
 * The `__forge_runtime__` object the Forge SDKs read during one invocation, with the fields
 * @forge/api and @forge/kvs use (ForgeRuntime in @forge/api/out/api/runtime.d.ts).
 */
export function createRuntime(installation: InstallationInfo, invocation: InvocationInfo): Record<string, unknown> {
  const deadline = Date.now() + invocation.timeoutMs;
  const invocationId = randomUUID();
  return {
    proxy: { token: hex(16), url: 'https://emulated-forge-proxy.invalid' },
    kvs: { url: 'https://emulated-kvs.invalid', host: 'kvs.emulated' },
    contextAri: installContextAri(installation.cloudId),
    container: {},
    appContext: {
      appId: installation.appId,
      appVersion: '1.0.0',
      environmentId: installation.environmentId,
      environmentType: installation.environmentType,
      invocationId,
      installationId: installation.installationId,
      functionKey: invocation.functionKey,
      moduleType: invocation.moduleType,
      moduleKey: invocation.moduleKey,
      permissions: { scopes: installation.scopes, external: {} },
    },
    ...(invocation.accountId !== undefined && { aaid: invocation.accountId }),
    lambdaContext: { awsRequestId: invocationId, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) },
    tracing: { traceId: hex(16), spanId: hex(8) },
    realtime: {},
    metrics: noopMetrics,
    externalAuth: [],
    featureFlags: () => false,
  };
}
