/**
 * Scoring reported page pairs against the labelled pairs. A pair is unordered; `same` pairs are
 * the positives. A match on a `related` pair (partial reuse) is neither right nor wrong and is
 * counted apart; a match on any other pair, labelled `different` or not labelled, is false.
 */

export type Label = 'same' | 'related' | 'different';
const LABELS: ReadonlySet<string> = new Set<Label>(['same', 'related', 'different']);

/** The key of an unordered pair of page ids. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\t${b}` : `${b}\t${a}`;
}

export function splitKey(key: string): [string, string] {
  const [a = '', b = ''] = key.split('\t');
  return [a, b];
}

export interface Labels {
  labels: Map<string, Label>;
  /** Lines that could not be read, as "line N: why". */
  problems: string[];
}

/** Reads pairs.tsv: a header naming `id_a`, `id_b` and `label`, then one pair per line. */
export function parsePairs(tsv: string): Labels {
  const lines = tsv.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const [ia, ib, il] = [col('id_a'), col('id_b'), col('label')];
  const labels = new Map<string, Label>();
  const problems: string[] = [];
  if (ia < 0 || ib < 0 || il < 0) return { labels, problems: ['line 1: header lacks id_a, id_b or label'] };
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const fields = line.split('\t');
    const [a, b, label] = [fields[ia]?.trim(), fields[ib]?.trim(), fields[il]?.trim()];
    const where = `line ${index + 2}`;
    if (!a || !b) return void problems.push(`${where}: missing id`);
    if (!label || !LABELS.has(label)) return void problems.push(`${where}: unknown label "${label ?? ''}"`);
    const key = pairKey(a, b);
    const before = labels.get(key);
    if (before && before !== label) problems.push(`${where}: ${a} ${b} labelled both ${before} and ${label}`);
    labels.set(key, label as Label);
  });
  return { labels, problems };
}

export function countLabels(labels: ReadonlyMap<string, Label>): Record<Label, number> {
  const counts: Record<Label, number> = { same: 0, related: 0, different: 0 };
  for (const label of labels.values()) counts[label]++;
  return counts;
}

export interface MatchScore {
  reported: number;
  /** `same` pairs reported. */
  found: string[];
  /** `same` pairs not reported. */
  missed: string[];
  /** `related` pairs reported as a match: shown, not counted as false. */
  related: string[];
  /** Reported pairs labelled `different`. */
  falseDifferent: string[];
  /** Reported pairs with no label at all. */
  falseUnlabelled: string[];
  /** null when nothing that counts was reported. */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function scoreMatches(reported: Iterable<string>, labels: ReadonlyMap<string, Label>): MatchScore {
  const pairs = [...new Set(reported)].sort();
  const found: string[] = [];
  const related: string[] = [];
  const falseDifferent: string[] = [];
  const falseUnlabelled: string[] = [];
  for (const key of pairs) {
    const label = labels.get(key);
    if (label === 'same') found.push(key);
    else if (label === 'related') related.push(key);
    else if (label === 'different') falseDifferent.push(key);
    else falseUnlabelled.push(key);
  }
  const reportedSet = new Set(pairs);
  const missed = [...labels].filter(([key, label]) => label === 'same' && !reportedSet.has(key)).map(([key]) => key).sort();
  const wrong = falseDifferent.length + falseUnlabelled.length;
  const positives = found.length + missed.length;
  const precision = found.length + wrong === 0 ? null : found.length / (found.length + wrong);
  const recall = positives === 0 ? null : found.length / positives;
  const f1 = precision === null || recall === null ? null
    : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { reported: pairs.length, found, missed, related, falseDifferent, falseUnlabelled, precision, recall, f1 };
}

export interface PartialScore {
  reported: number;
  relatedTotal: number;
  /** `related` pairs flagged as partial reuse. */
  related: string[];
  /** `same` pairs flagged only as partial (a match would have been right). */
  same: string[];
  different: string[];
  unlabelled: string[];
}

export function scorePartial(flagged: Iterable<string>, labels: ReadonlyMap<string, Label>): PartialScore {
  const pairs = [...new Set(flagged)].sort();
  const by = (want: Label | undefined) => pairs.filter((key) => labels.get(key) === want);
  return {
    reported: pairs.length,
    relatedTotal: countLabels(labels).related,
    related: by('related'),
    same: by('same'),
    different: by('different'),
    unlabelled: by(undefined),
  };
}
