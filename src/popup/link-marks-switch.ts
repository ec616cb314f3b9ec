/**
 * The popup's switch "Mark links already read on this site": on, the tab's page's links are marked
 * (src/content/marks); off, its site joins linkMarksOffSites, as the notice's "Not on this site"
 * joins noticeOffSites. Shown only while marks are on everywhere (the options page's setting).
 */
import type { TabVerdict } from '../protocol.ts';
import { loadSettings, saveSettings } from '../platform/settings-store.ts';
import { onSites } from '../settings.ts';

export async function showLinkMarksSwitch(verdict: TabVerdict, row: HTMLElement, box: HTMLInputElement): Promise<void> {
  const settings = await loadSettings();
  row.hidden = !settings.linkMarks || !/^https?:/i.test(verdict.url);
  box.checked = !onSites(verdict.url, settings.linkMarksOffSites);
  box.onchange = () => void saveSwitch(verdict, box.checked);
}

async function saveSwitch(verdict: TabVerdict, on: boolean): Promise<void> {
  const { linkMarksOffSites: off } = await loadSettings();
  // On: every entry covering this page goes (a host typed in the options as much as the site).
  await saveSettings({ linkMarksOffSites: on ? off.filter((entry) => !onSites(verdict.url, [entry])) : [...off, verdict.site] });
}
