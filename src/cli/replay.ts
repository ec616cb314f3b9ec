import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { toReport } from '../content/extract.ts';
import { recordReport } from '../history/record-report.ts';
import type { HistoryDB } from '../history/schema.ts';
import type { Sighting } from '../protocol.ts';
import { extractFile } from './pages.ts';

export interface Visit {
  url: string;
  path: string;
  /** Why the line cannot be visited; it still gets its line of output. */
  problem?: string;
}

/** Parses a visits file: `URL<TAB>PATH` per line, PATH relative to the file; `#` comments. */
export function parseVisits(text: string, folder: string): Visit[] {
  const visits: Visit[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const [url = '', path = '', ...rest] = line.split('\t').map((field) => field.trim());
    const problem = !url ? 'no URL' : !path ? 'no page path' : rest.length > 0 ? 'more than two fields' : null;
    visits.push({
      url,
      path: resolve(folder, path),
      ...(problem ? { problem: `line ${index + 1}: ${problem} (expected URL<TAB>PATH)` } : {}),
    });
  });
  return visits;
}

export interface ReplayLine {
  url: string;
  article: boolean;
  title: string | null;
  words: number;
  matches: ReturnType<typeof match>[];
  partial: ReturnType<typeof match>[];
  reason?: string;
  error?: string;
}

/** Visits pages in order, as the extension would, a minute apart; one result per visit. */
export async function* replay(db: HistoryDB, visits: readonly Visit[], start = Date.UTC(2026, 0, 1)): AsyncGenerator<ReplayLine> {
  for (const [i, visit] of visits.entries()) {
    if (visit.problem) {
      yield { url: visit.url, article: false, title: null, words: 0, matches: [], partial: [], error: visit.problem };
      continue;
    }
    const found = await extractFile(visit.path, visit.url);
    if (!found.article) {
      yield { url: visit.url, article: false, title: null, words: 0, matches: [], partial: [], ...('error' in found && found.error ? { error: found.error } : { reason: found.reason }) };
      continue;
    }
    const report = toReport(visit.url, found);
    if (!report.article) continue;
    try {
      const verdict = await recordReport(db, report, start + i * 60_000);
      yield {
        url: visit.url, article: true, title: found.title, words: found.fingerprint.words,
        matches: verdict.sightings.map(match), partial: verdict.partial.map(match),
      };
    } catch (error) {
      yield { url: visit.url, article: false, title: found.title, words: found.fingerprint.words, matches: [], partial: [], error: String(error) };
    }
  }
}

export async function readVisits(path: string): Promise<Visit[]> {
  return parseVisits(await readFile(path, 'utf8'), dirname(resolve(path)));
}

function match(s: Sighting) {
  return { url: s.url, site: s.site, relation: s.relation, containment: s.containment, resemblance: s.resemblance };
}
