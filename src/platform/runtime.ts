import browser from './browser.ts';
import type { Runtime } from 'webextension-polyfill';

export type MessageSender = Runtime.MessageSender;

/**
 * Registers the message listener. Must be called synchronously at the worker's top level so a
 * message that wakes the worker is not lost.
 */
export function onRuntimeMessage(listener: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => listener(message, sender));
}

export const extensionId = (): string => browser.runtime.id;
export const extensionUrl = (path: string): string => browser.runtime.getURL(path);

export const openOptions = (): Promise<void> => browser.runtime.openOptionsPage();
