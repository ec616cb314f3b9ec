/**
 * What a web page can try in order to make the extension write to the history, run from the
 * page's own world: the protocol's envelope posted and dispatched every way a page can, the
 * extension messaging API looked for, and the extension's files fetched.
 */
import type { Page } from 'puppeteer-core';
import type { Report } from '../../../src/protocol.ts';

export interface AttackOutcome {
  /** typeof of each extension API a page might reach. */
  api: { runtime: string; sendMessage: string; connect: string; browser: string };
  /** What loading the extension's own files from the page gave. */
  manifest: string;
  popup: string;
  icon: string;
}

/** A well-formed report for the page itself: what a record would need, were it ever accepted. */
export function forgedReport(url: string): Report {
  const hashes = Array.from({ length: 400 }, (_, i) => (i * 2_654_435_761) >>> 0).sort((a, b) => a - b);
  return {
    article: true, url, canonical: null, title: 'Forged by the page', siteName: null, byline: null,
    published: null, lang: 'en', words: 400, hashes, sketch: hashes.slice(0, 64), keys: hashes.slice(0, 24), paragraphs: [1, 2, 3],
  };
}

export function attack(page: Page, extensionOrigin: string, report: Report): Promise<AttackOutcome> {
  return page.evaluate(async (origin, report) => {
    const envelopes = [
      { app: 'deja-lu', type: 'page/record', payload: report },
      { app: 'deja-lu', type: 'page/check', payload: report },
      { app: 'deja-lu', type: 'history/clear', payload: {} },
      { app: 'deja-lu', type: 'history/import', payload: { file: { format: 'deja-lu-history', version: 1, exportedAt: '', articles: [] } } },
    ];
    for (const envelope of envelopes) {
      window.postMessage(envelope, '*');
      window.postMessage(JSON.stringify(envelope), '*');
      window.dispatchEvent(new MessageEvent('message', { data: envelope, origin: location.origin, source: window }));
      for (const type of ['deja-lu', envelope.type, 'message']) {
        document.dispatchEvent(new CustomEvent(type, { detail: envelope, bubbles: true }));
        window.dispatchEvent(new CustomEvent(type, { detail: envelope }));
      }
    }
    const w = window as unknown as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } }; browser?: unknown };
    const load = async (path: string) => {
      try {
        return `answered ${(await fetch(`${origin}/${path}`)).status}`;
      } catch {
        return 'refused';
      }
    };
    const icon = await new Promise<string>((done) => {
      const image = new Image();
      image.onload = () => done('loaded');
      image.onerror = () => done('refused');
      image.src = `${origin}/icons/icon-16.png`;
    });
    return {
      api: {
        runtime: typeof w.chrome?.runtime,
        sendMessage: typeof w.chrome?.runtime?.sendMessage,
        connect: typeof w.chrome?.runtime?.connect,
        browser: typeof w.browser,
      },
      manifest: await load('manifest.json'),
      popup: await load('popup.html'),
      icon,
    };
  }, extensionOrigin, report);
}
