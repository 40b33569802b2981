/// <reference lib="dom" />
/**
 * What the preload provides in the app, provided by the rig instead: `window.svidok.invoke`,
 * here carried over loopback HTTP. Runs in the page before any of its scripts.
 */
export function installBridge(token: string): void {
  const invoke = async (channel: string, input: unknown): Promise<unknown> => {
    const response = await fetch('/ipc', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel, input }),
    });
    if (!response.ok) throw new Error(`bridge: HTTP ${response.status}`);
    return response.json();
  };
  Object.defineProperty(window, 'svidok', {
    value: Object.freeze({ invoke }),
    writable: false,
    configurable: false,
  });
}
