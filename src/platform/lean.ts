/**
 * The content scripts' way to the protocol and the settings: the browser's own API (native.ts),
 * without webextension-polyfill. Only what both browsers give alike: runtime.sendMessage and the
 * settings in storage.local.
 */
import api from './native.ts';
import { sender } from './sender.ts';
import { settingsStore } from './settings-access.ts';

export const send = sender(api.runtime);
export const { loadSettings, saveSettings, onSettingsChanged } = settingsStore(api.storage);
