import browser from './browser.ts';

/** Sets a tab's badge (its colour as given: the worker's badgeFor() chooses it). */
export async function setBadge(tabId: number, text: string, color = '#8a3ffc'): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setBadgeText({ tabId, text });
  } catch (error) {
    // The tab can close between the report and the badge; nothing to show then.
    if (!String(error).includes('No tab with id')) throw error;
  }
}
