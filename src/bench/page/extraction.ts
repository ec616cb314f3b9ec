/** The content script's extraction, run in a web page where it can be timed step by step. */
import { extractArticle, extractSteps, toReport } from '../../content/extract.ts';
import type { Report } from '../../protocol.ts';
import type { StageTimes } from './api.ts';

/** A page's report as the content script makes it, from HTML parsed with DOMParser. */
export function reportOf(html: string, url: string): Report {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  try {
    return toReport(url, extractArticle(doc, url));
  } catch (error) {
    return { article: false, url, reason: String(error) };
  }
}

/**
 * Where the content script's time goes on this document, step by step: the steps extractSteps
 * yields (each its own task in the content script), the rest of it after the last yield
 * ('finish'), then the report's serialisation for the message, in ms.
 */
export function stages(url = location.href): StageTimes {
  const doc = document;
  const elements = doc.getElementsByTagName('*').length;
  const times: Record<string, number> = {};
  const steps = extractSteps(doc, url);
  let t = performance.now();
  let next = steps.next();
  for (; !next.done; next = steps.next()) {
    const now = performance.now();
    times[next.value] = now - t;
    t = now;
  }
  times.finish = performance.now() - t;
  const found = next.value;
  const whole = performance.now();
  const report = toReport(url, extractArticle(doc, url));
  const extractMs = performance.now() - whole;
  t = performance.now();
  const json = JSON.stringify(report);
  times.serialiseReport = performance.now() - t;
  return {
    times, extractMs, elements, htmlChars: doc.documentElement.outerHTML.length,
    paragraphs: found.article ? found.paragraphs.length : 0, words: found.article ? found.fingerprint.words : 0,
    hashes: found.article ? found.fingerprint.hashes.length : 0, reportBytes: json.length, article: report.article,
  };
}
