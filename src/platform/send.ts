/**
 * The sending side of the protocol (src/protocol.ts): the one place that sends runtime messages.
 * The content script and the extension pages send through it; the background answers in
 * background/router.ts. An error comes back as data and is rethrown here.
 */
import browser from './browser.ts';
import type { Envelope, MessageType, Reply, Request, Response } from '../protocol.ts';

export async function send<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
  const envelope: Envelope<T> = { app: 'deja-lu', type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<Response<T>> | undefined;
  if (!reply) throw new Error(`No answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
