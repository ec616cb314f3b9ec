/**
 * The settings in the extension's storage, over a given `storage`: the polyfill's
 * (settings-store.ts) or the browser's own (lean.ts).
 */
import type { Storage } from 'webextension-polyfill';
import { parseSettings, type Settings } from '../settings.ts';

const KEY = 'settings';

export interface SettingsStore {
  loadSettings(this: void): Promise<Settings>;
  /** Saves a change; the whole object is re-validated so nothing invalid is ever stored. */
  saveSettings(this: void, change: Partial<Settings>): Promise<Settings>;
  onSettingsChanged(this: void, listener: (settings: Settings) => void): void;
}

export function settingsStore(storage: Pick<Storage.Static, 'local' | 'onChanged'>): SettingsStore {
  const loadSettings = async () => parseSettings((await storage.local.get(KEY))[KEY]);
  return {
    loadSettings,
    async saveSettings(change) {
      const next = parseSettings({ ...(await loadSettings()), ...change });
      await storage.local.set({ [KEY]: next });
      return next;
    },
    onSettingsChanged(listener) {
      storage.onChanged.addListener((changes, area) => {
        if (area === 'local' && KEY in changes) listener(parseSettings(changes[KEY]?.newValue));
      });
    },
  };
}
