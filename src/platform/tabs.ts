import browser from './browser.ts';

/**
 * Calls back when a tab starts loading a document (a new page or a reload). Without the "tabs"
 * permission Chromium leaves `url` out of the change, so the status alone is the signal.
 */
export function onTabNavigates(listener: (tabId: number) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') listener(tabId);
  });
}

export function onTabRemoved(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}

export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
