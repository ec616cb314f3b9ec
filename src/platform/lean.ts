/**
 * marks.js's way to the browser: its own promise-returning API (Firefox's `browser`, Chromium's
 * `chrome` under Manifest V3), without webextension-polyfill, which would be most of the script
 * and a third of its cost on every page (BENCHMARKS.md, "Link marks on a front page"). Only what
 * both browsers give alike: runtime.sendMessage and the settings in storage.local.
 */
import type { Browser } from 'webextension-polyfill';
import { sender } from './sender.ts';
import { settingsStore } from './settings-access.ts';

const scope = globalThis as { browser?: Browser; chrome?: Browser };
const api = scope.browser ?? scope.chrome;
if (!api) throw new Error('No extension API in this context');

export const send = sender(api.runtime);
export const { loadSettings, onSettingsChanged } = settingsStore(api.storage);
