import browser from './browser.ts';

export async function setBadge(tabId: number, text: string): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#8a3ffc' });
    await browser.action.setBadgeText({ tabId, text });
  } catch (error) {
    // The tab can close between the report and the badge; nothing to show then.
    if (!String(error).includes('No tab with id')) throw error;
  }
}
