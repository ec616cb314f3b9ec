/** The protocol's sending side (sender.ts) for the content script and the extension's pages. */
import browser from './browser.ts';
import { sender } from './sender.ts';

export const send = sender(browser.runtime);
