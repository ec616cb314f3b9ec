/**
 * The background worker (a service worker in Chrome, an event page in Firefox). Listeners are
 * registered synchronously at the top level so that a message or event that wakes the worker is
 * delivered; everything that matters is in IndexedDB or storage.session, never only in memory.
 */
import { setBadge } from '../platform/badge.ts';
import { DB_VERSION, openHistory } from '../history/open.ts';
import { DB_NAME, type HistoryDB } from '../history/schema.ts';
import { extensionId, extensionUrl, onRuntimeMessage } from '../platform/runtime.ts';
import { clearTabState, loadTabState, saveTabState } from '../platform/tab-state.ts';
import { onTabNavigates, onTabRemoved } from '../platform/tabs.ts';
import { loadSettings } from '../platform/settings-store.ts';
import { loadValue, saveValue } from '../platform/local-values.ts';
import type { TabVerdict } from '../protocol.ts';
import { createHandlers } from './handlers.ts';
import { markTitle } from './mark-title.ts';
import { createRouter } from './router.ts';

let history: Promise<HistoryDB> | null = null;
function db(): Promise<HistoryDB> {
  // Reopened after its connection is closed under it (a newer version upgrading, the database deleted).
  history ??= openHistory(DB_NAME, DB_VERSION, () => (history = null)).catch((error: unknown) => {
    history = null; // try again on the next message rather than failing forever
    throw error;
  });
  return history;
}

const handlers = createHandlers({
  db,
  now: () => Date.now(),
  settings: loadSettings,
  meta: { get: loadValue, set: saveValue },
  setBadge,
  saveVerdict: saveTabState<TabVerdict>,
  loadVerdict: loadTabState<TabVerdict>,
  markTitle,
});

onRuntimeMessage(createRouter(handlers, { id: extensionId(), origin: extensionUrl('') }));

onTabNavigates((tabId) => {
  void Promise.all([clearTabState(tabId), setBadge(tabId, '')]).catch((error: unknown) =>
    console.error('deja-lu: clearing the tab failed:', error),
  );
});
onTabRemoved((tabId) => void clearTabState(tabId).catch(() => undefined));
