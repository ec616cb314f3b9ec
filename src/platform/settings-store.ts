/** The settings (settings-access.ts) for the worker, the content script and the extension's pages. */
import browser from './browser.ts';
import { settingsStore } from './settings-access.ts';

export const { loadSettings, saveSettings, onSettingsChanged } = settingsStore(browser.storage);
