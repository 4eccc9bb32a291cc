// The Custom UI bridge of the local host. @forge/bridge sends every call to
// globalThis.__bridge.callBridge(name, payload); in Confluence the Atlassian host answers them, here
// this script does: invoke() runs the resolver through POST /__local/invoke as the viewing user, and
// page-level effects (flags, navigation, title) go to the host page around the iframe.
(() => {
  const base = JSON.parse(document.currentScript.dataset.context);

  /** Hands a call to the host page; a resource opened on its own has none, so it only logs. */
  function toHost(call, payload) {
    if (window.parent !== window) window.parent.postMessage({ source: 'forge-local-bridge', call, payload }, location.origin);
    else console.info(`[local bridge] ${call}`, payload);
  }

  async function invoke({ functionKey, payload, metadata }) {
    const response = await fetch('/__local/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-account-id': base.accountId },
      body: JSON.stringify({ moduleKey: base.moduleKey, key: functionKey, payload, extension: base.extension }),
    });
    const body = await response.json().catch(() => null);
    // The resolver's own return value (error objects included) resolves; anything else rejects, as in Forge.
    if (response.headers.get('x-local-invoke-outcome') !== 'returned') {
      throw new Error(body?.error?.message ?? `invoke('${functionKey}') failed with HTTP ${response.status}`);
    }
    return metadata ? { body, metadata: {} } : body;
  }

  function navigate(location) {
    if (typeof location.url !== 'string') {
      throw new Error(`The local host cannot navigate to target ${location.target}; pass a URL instead.`);
    }
    const url = new URL(location.url, window.top.location.href).href;
    if (location.type === 'new-tab') window.open(url, '_blank', 'noopener');
    else window.top.location.assign(url);
  }

  const handlers = {
    invoke,
    getContext: () => ({
      ...base,
      locale: navigator.language || 'en-US',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      theme: null,
    }),
    // The built CSS carries each design token's light fallback, so the local host stays in light mode.
    enableTheming: () => undefined,
    showFlag: (options) => toHost('showFlag', options),
    closeFlag: (options) => toHost('closeFlag', options),
    changeWindowTitle: (title) => toHost('changeWindowTitle', title),
    navigate,
    reload: () => window.top.location.reload(),
  };

  globalThis.__bridge = {
    callBridge: async (name, payload) => {
      const handler = handlers[name];
      if (!handler) throw new Error(`The local Forge host does not support the bridge call '${name}'.`);
      return handler(payload);
    },
  };
})();
