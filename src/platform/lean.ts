/**
 * The content scripts' way to the protocol and the settings: the browser's own API (native.ts),
 * without webextension-polyfill. Only what both browsers give alike: runtime.sendMessage and the
 * settings in storage.local.
 */
import { extensionApi } from './native.ts';
import { sender, type Send } from './sender.ts';
import { settingsStore, type SettingsStore } from './settings-access.ts';

// Each made on first use, as the API itself is (native.ts): nothing of it runs as a script is injected.
let sending: Send | undefined;
let settings: SettingsStore | undefined;
const store = () => (settings ??= settingsStore(extensionApi().storage));

// Async, so that no API to be found is a rejection as every other failure to send is.
export const send: Send = async (type, payload) => (sending ??= sender(extensionApi().runtime))(type, payload);
export const loadSettings: SettingsStore['loadSettings'] = async () => store().loadSettings();
export const saveSettings: SettingsStore['saveSettings'] = async (change) => store().saveSettings(change);
export const onSettingsChanged: SettingsStore['onSettingsChanged'] = (listener) => store().onSettingsChanged(listener);
