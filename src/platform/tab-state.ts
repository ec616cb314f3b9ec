import browser from './browser.ts';

// Per-tab verdicts live in storage.session: it survives the worker being stopped (a killed
// worker must lose nothing) and is dropped with the browser session, like the tabs themselves.
const area = () => browser.storage.session;
const key = (tabId: number) => `tab:${tabId}`;

export async function saveTabState<T>(tabId: number, value: T): Promise<void> {
  await area().set({ [key(tabId)]: value });
}

export async function loadTabState<T>(tabId: number): Promise<T | null> {
  const found = await area().get(key(tabId));
  return (found[key(tabId)] as T | undefined) ?? null;
}

export async function clearTabState(tabId: number): Promise<void> {
  await area().remove(key(tabId));
}
