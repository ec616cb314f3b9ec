/**
 * The extension's pipeline on the command line: the same extraction, core and store code, with
 * linkedom for the DOM and fake-indexeddb for IndexedDB.
 *   deja-lu extract PAGE.html --url URL
 *   deja-lu compare A.html B.html --url-a URL --url-b URL
 *   deja-lu replay VISITS.tsv
 */
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { countShared, decide, exactSample, leadShared, overlap, sharedParagraphs, siteOf, storedKeys } from '../core/index.ts';
import { openHistory } from '../history/open.ts';
import { extractFile } from './pages.ts';
import { readVisits, replay } from './replay.ts';

const USAGE = `usage:
  deja-lu extract PAGE.html --url URL
  deja-lu compare A.html B.html --url-a URL --url-b URL
  deja-lu replay VISITS.tsv`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { url: { type: 'string' }, 'url-a': { type: 'string' }, 'url-b': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...files] = positionals;
  if (values.help || !command) return void console.log(USAGE);
  if (command === 'extract' && files.length === 1) return extract(files[0]!, need(values.url, '--url'));
  if (command === 'compare' && files.length === 2) {
    return compare(files[0]!, files[1]!, need(values['url-a'], '--url-a'), need(values['url-b'], '--url-b'));
  }
  if (command === 'replay' && files.length === 1) return replayFile(files[0]!);
  throw new UsageError(`unknown or incomplete command: ${positionals.join(' ')}`);
}

async function extract(path: string, url: string): Promise<void> {
  const found = await extractFile(path, url);
  const site = siteOf(url);
  print(found.article
    ? { article: true, title: found.title, site, words: found.fingerprint.words, text: found.paragraphs.join('\n\n') }
    : { article: false, title: null, site, words: 0, text: '', reason: found.reason });
}

async function compare(pathA: string, pathB: string, urlA: string, urlB: string): Promise<void> {
  const [a, b] = await Promise.all([extractFile(pathA, urlA), extractFile(pathB, urlB)]);
  if (!a.article || !b.article) {
    const reasons = [a, b].map((x) => (x.article ? null : x.reason));
    return print({ verdict: 'not-article', containment: 0, resemblance: 0, shared: 0, reasons });
  }
  const o = overlap(exactSample(a.fingerprint.hashes), exactSample(b.fingerprint.hashes));
  const passages = siteOf(urlA) === siteOf(urlB)
    ? { paragraphs: 0, keys: 0 }
    : { paragraphs: sharedParagraphs(a.fingerprint.paragraphs, b.fingerprint.paragraphs), keys: countShared(a.fingerprint.keys, b.fingerprint.keys) };
  // As the extension judges B read after A: A's stored keys, B's own.
  const stored = { ...a.fingerprint, keys: storedKeys(a.fingerprint.keys), size: a.fingerprint.hashes.length };
  const relation = decide(o, passages, undefined, leadShared({ ...b.fingerprint, size: b.fingerprint.hashes.length }, stored));
  print({
    verdict: relation === 'same-story' ? 'same-story' : 'different',
    containment: round(o.containment), resemblance: round(o.resemblance), shared: Math.round(o.shared),
    partial: relation === 'partial',
  });
}

async function replayFile(path: string): Promise<void> {
  const visits = await readVisits(path);
  const db = await openHistory(`deja-lu-replay-${process.pid}`);
  for await (const line of replay(db, visits)) print(line);
}

class UsageError extends Error {}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
const round = (x: number) => Math.round(x * 1000) / 1000;

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`deja-lu: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof UsageError) console.error(USAGE);
  process.exitCode = error instanceof UsageError ? 64 : 1;
});
