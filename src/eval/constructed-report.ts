/** The constructed pairs' figures per variant, as kept in out/eval.json and rendered in Markdown. */
import { fixed, table } from './markdown.ts';
import type { ConstructedRun, PairOutcome } from './constructed-run.ts';
import { MIN_COPY_WORDS } from './constructed-edits.ts';
import { COPY_MIN_WORDS, SHORT_WORDS, type Kind } from './constructed.ts';

export const BASELINE = 0.5;

export interface Tally {
  pairs: number;
  /** Second visit reports the first as the same story: [original (first story) first, copy (second story) first]. */
  found: [number, number];
  /** ... reports it as partial reuse instead. */
  partial: [number, number];
  /** Pairs with a page the extension did not record as an article. */
  notRecorded: number;
  /** Pairs the exact-set baselines call the same story (symmetric: one figure for both orders). */
  jaccard: number;
  containment: number;
}

export interface VariantTally extends Tally {
  variant: string;
  kind: Kind;
  /** Token F1 of extracted against constructed text, over the pages of the variant's pairs. */
  extractionF1: { mean: number; min: number };
}

export interface ConstructedResult extends Omit<ConstructedRun, 'pairs'> {
  variants: VariantTally[];
  overall: Record<Kind, Tally>;
  pairs: PairOutcome[];
}

function tally(pairs: readonly PairOutcome[]): Tally {
  const count = (test: (p: PairOutcome) => boolean) => pairs.filter(test).length;
  return {
    pairs: pairs.length,
    found: [count((p) => p.found[0]), count((p) => p.found[1])],
    partial: [count((p) => p.partial[0]), count((p) => p.partial[1])],
    notRecorded: count((p) => p.notRecorded.length > 0),
    jaccard: count((p) => p.texts.jaccard >= BASELINE),
    containment: count((p) => p.texts.containment >= BASELINE),
  };
}

export function summariseConstructed(run: ConstructedRun): ConstructedResult {
  const variants = [...new Set(run.pairs.map((p) => p.variant))].map((variant): VariantTally => {
    const pairs = run.pairs.filter((p) => p.variant === variant);
    const f1 = pairs.flatMap((p) => p.extractionF1);
    return {
      variant, kind: pairs[0]!.kind, ...tally(pairs),
      extractionF1: { mean: f1.reduce((s, x) => s + x, 0) / Math.max(f1.length, 1), min: Math.min(...f1) },
    };
  });
  return {
    ...run, variants,
    overall: { copy: tally(run.pairs.filter((p) => p.kind === 'copy')), negative: tally(run.pairs.filter((p) => p.kind === 'negative')) },
  };
}

const share = (n: number, of: number) => (of === 0 ? '–' : fixed(n / of, 2));
const both = (t: Tally) => `${t.found[0]} / ${t.found[1]}`;

function row(name: string, kind: Kind, t: Tally, f1?: VariantTally['extractionF1']): string[] {
  const rate = (n: number) => share(n, t.pairs);
  return [
    name, String(t.pairs), both(t), `${rate(t.found[0])} / ${rate(t.found[1])}`, `${t.partial[0]} / ${t.partial[1]}`,
    String(t.notRecorded), `${t.jaccard} (${rate(t.jaccard)})`, `${t.containment} (${rate(t.containment)})`,
    f1 ? `${fixed(f1.mean, 3)} / ${fixed(f1.min, 2)}` : '',
  ].map((cell, i) => (i === 0 && kind === 'negative' ? `✗ ${cell}` : cell));
}

export function renderConstructed(r: ConstructedResult): string {
  const copies = r.variants.filter((v) => v.kind === 'copy');
  const negatives = r.variants.filter((v) => v.kind === 'negative');
  const header = ['variant', 'pairs', 'same story: a→b / b→a', 'rate a→b / b→a', 'partial a→b / b→a', 'not recorded', 'Jaccard ≥ 0.5', 'containment ≥ 0.5', 'extraction F1 mean / min'];
  const align = ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] as const;
  const { copy, negative } = r.overall;
  return [
    '### Constructed copies',
    '',
    `Built from the ${r.stories.all} \`l3s-\` gold texts (seed ${r.seed}; src/eval/constructed.ts): every story of ≥ ${COPY_MIN_WORDS} words`,
    `(${r.stories.copied}) against each of its copies, and hard negatives from pairs of the ${r.stories.short} stories of ${SHORT_WORDS[0]}–${SHORT_WORDS[1]} words`,
    `(each in two pairs) sharing the same boilerplate. Each text is a plain article page, extracted by \`extractArticle\``,
    'on the Node DOM and replayed through `recordReport` in a fresh history, in both orders: "a→b" records the',
    'original (the first story) and then visits the copy (the second), "b→a" the reverse; the figure is the second',
    'visit\'s verdict on the first. Copies and originals are on different sites; the same-site negatives share one.',
    `Truncations keep at least ${MIN_COPY_WORDS} words and "second half alone" needs that many (the extension records no page under 120).`,
    'Baselines: exact word 5-grams of the constructed texts. ✗ = hard negative: every "same story" there is a false match.',
    '',
    table(header, [...copies.map((v) => row(v.variant, 'copy', v, v.extractionF1)), ...negatives.map((v) => row(v.variant, 'negative', v, v.extractionF1))], [...align]),
    '',
    `**Copies**: ${copy.pairs} pairs, recall ${share(copy.found[0], copy.pairs)} original first / ${share(copy.found[1], copy.pairs)} copy first`
      + ` (${both(copy)}); Jaccard ≥ 0.5 ${share(copy.jaccard, copy.pairs)}, containment ≥ 0.5 ${share(copy.containment, copy.pairs)}.`
      + ` **Negatives**: ${negative.pairs} pairs, false matches ${both(negative)} (${share(negative.found[0], negative.pairs)} / ${share(negative.found[1], negative.pairs)});`
      + ` Jaccard ≥ 0.5 ${negative.jaccard}, containment ≥ 0.5 ${negative.containment}. ${r.seconds} s.`,
    '',
  ].join('\n');
}
