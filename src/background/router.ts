/**
 * Routes protocol messages to handlers. Only this extension's own content scripts and pages are
 * heard: the sender's extension id is checked, page reports must come from a tab's content
 * script, and history queries only from the extension's own pages. Every payload is validated.
 */
import type { MessageType, Reply, Request, Response } from '../protocol.ts';
import { DIRECTIONS, isEnvelope, validateRequest } from './validate.ts';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; incognito?: boolean };
}

export type Handlers = {
  [K in MessageType]: (payload: Request<K>, sender: Sender) => Promise<Response<K>>;
};

export function createRouter(handlers: Handlers, own: { id: string; origin: string }) {
  return (message: unknown, sender: Sender): Promise<Reply<unknown>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    return route(message.type, message.payload, sender);
  };

  async function route<T extends MessageType>(type: T, payload: unknown, sender: Sender): Promise<Reply<unknown>> {
    try {
      checkSender(type, sender);
      const request = validateRequest(type, payload);
      const handler = handlers[type] as (p: Request<T>, s: Sender) => Promise<Response<T>>;
      return { ok: true, value: await handler(request, sender) };
    } catch (error) {
      console.error(`deja-lu: ${type} failed:`, error);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  function checkSender(type: MessageType, sender: Sender): void {
    if (sender.id !== own.id) throw new Error('message from another extension refused');
    const fromOwnPage = sender.url?.startsWith(own.origin) === true;
    if (DIRECTIONS[type] === 'content') {
      if (sender.tab?.id === undefined || fromOwnPage) throw new Error(`${type} is only accepted from a content script`);
    } else if (!fromOwnPage) {
      throw new Error(`${type} is only accepted from the extension's own pages`);
    }
  }
}
