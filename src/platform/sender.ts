/**
 * The sending side of the protocol (src/protocol.ts), over a given `runtime`: the polyfill's
 * (send.ts) or the browser's own (lean.ts). The background answers in background/router.ts. An
 * error comes back as data and is rethrown here.
 */
import type { Runtime } from 'webextension-polyfill';
import type { Envelope, MessageType, Reply, Request, Response } from '../protocol.ts';

export type Send = <T extends MessageType>(type: T, payload: Request<T>) => Promise<Response<T>>;

export const sender = (runtime: Pick<Runtime.Static, 'sendMessage'>): Send => async (type, payload) => {
  const envelope: Envelope<typeof type> = { app: 'deja-lu', type, payload };
  const reply = (await runtime.sendMessage(envelope)) as Reply<Response<typeof type>> | undefined;
  if (!reply) throw new Error(`No answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
};
