/** Renders an evaluation run as Markdown: the terminal output and the block in BENCHMARKS.md. */
import { MIN_WORDS, TEXT_BUDGET } from '../content/extract.ts';
import { AGREE_F1 } from './agreement.ts';
import { SHOWN_MIN_SHARE } from './recall.ts';
import { fixed, table } from './markdown.ts';
import type { EvalResult, PairDetail, SourceExtraction } from './result.ts';
import { renderConstructed } from './constructed-report.ts';
import { splitKey, type MatchScore } from './score.ts';

const pair = (key: string) => splitKey(key).join(' ↔ ');
const ratio = (o: { containment: number; jaccard?: number; resemblance?: number } | null) =>
  o ? `${fixed(o.containment, 2)} / ${fixed(o.jaccard ?? o.resemblance, 2)}` : '–';

function extractionRow(s: SourceExtraction): string[] {
  return [
    s.prefix, String(s.pages),
    fixed(s.ours.f1), fixed(s.ours.precision), fixed(s.ours.recall), String(s.oursFailed),
    fixed(s.raw.f1), fixed(s.raw.precision), fixed(s.raw.recall), String(s.rawFailed),
  ];
}

function scoreRow(name: string, s: MatchScore): string[] {
  return [
    name, String(s.reported), `${s.found.length}/${s.found.length + s.missed.length}`,
    fixed(s.precision), fixed(s.recall), fixed(s.f1), String(s.related.length),
    `${s.falseDifferent.length + s.falseUnlabelled.length} (${s.falseDifferent.length} / ${s.falseUnlabelled.length})`,
  ];
}

function sameRow(d: PairDetail): string[] {
  const store = d.store
    ? `${fixed(d.store.containment, 2)} / ${Math.round(d.store.shared)} / ${d.store.paragraphs} / ${d.store.sharedKeys} / ${d.store.relation}`
    : '–';
  const replay = d.replayFigures ? `${d.replay} (${ratio(d.replayFigures)})` : d.replay;
  return [
    pair(d.key), d.sites.join(' ↔ '), ratio(d.gold),
    d.extracted ? `${ratio(d.extracted)} / ${d.extracted.shared}` : `no article (${d.notArticle.join('; ')})`,
    store, replay,
  ];
}

export function renderMarkdown(r: EvalResult): string {
  const { extraction: x, recognition: g } = r;
  const out: string[] = [];
  const m = r.machine;
  out.push(
    `Command: \`${r.command}\` · ${r.date.slice(0, 10)} · Node ${m.node} · ${m.cpu} × ${m.cores} cores (${m.platform}), load ${m.load} at start`,
    `· corpus \`${r.corpus}\` · ${r.seconds.total} s (extraction ${r.seconds.extraction} s, in Chromium ${r.seconds.browser} s, replay ${r.seconds.replay} s, baselines ${r.seconds.baselines} s)`,
    '',
    '### Extraction: bag-of-tokens F1 against gold.txt',
    '',
    'Mean per page, tokens as fingerprinting sees them (`tokenise(normalise(text))`). "ours" is the',
    'extension\'s extraction (Readability + paragraph splitting + article test), scored on its text even under the',
    'recording minimum; a page where it finds no text scores 0. "Readability" is `parse().textContent` as it comes.',
    '`rdb-` gold is Readability\'s own approved output: a regression check, not truth.',
    '',
    table(
      ['source', 'pages', 'ours F1', 'ours P', 'ours R', 'ours none', 'Readability F1', 'R. P', 'R. R', 'R. none'],
      [...x.bySource.map(extractionRow), extractionRow(x.all)],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
  );
  const failures = x.pages.filter((p) => p.oursFailure);
  const short = x.pages.filter((p) => p.belowMinimum !== undefined);
  const cut = x.pages.filter((p) => p.cutGold !== undefined);
  if (cut.length > 0) {
    out.push(`Cut by the ${TEXT_BUDGET.toLocaleString('en')}-character text budget, ours scored against the gold text of the part kept (Readability against the whole): ${cut.map((p) => `${p.id} (${p.cutGold!.kept.toLocaleString('en')} of ${p.cutGold!.of.toLocaleString('en')} gold tokens, ours F1 ${fixed(p.ours.f1, 2)})`).join('; ')}.`, '');
  }
  if (short.length > 0) {
    out.push(`Extracted but under the ${MIN_WORDS}-word recording minimum (scored on their text; not recorded as articles): ${short.map((p) => `${p.id} (${p.belowMinimum} words, ours F1 ${fixed(p.ours.f1, 2)}, Readability ${fixed(p.raw.f1, 2)})`).join('; ')}.`, '');
  }
  if (failures.length > 0) {
    out.push(
      `No article from our pipeline: ${failures.map((p) => `${p.id} (${p.oursFailure}; Readability F1 ${fixed(p.raw.f1, 2)})`).join('; ')}.`,
      `On the pages it does take: ${[...x.bySource, x.all].map((s) => `${s.prefix} ours ${fixed(s.onArticles.ours)} vs Readability ${fixed(s.onArticles.raw)} (${s.onArticles.pages})`).join(', ')}.`,
      '',
    );
  }

  out.push(...recallLines(r.recall), ...browserLines(r.browser), '### Recognition', '',
    `${g.pages} pages replayed in MANIFEST order through the store and decision code (\`replay\`), ${g.articles} recorded`,
    `as articles. Labelled pairs: ${g.labels.same} same, ${g.labels.related} related, ${g.labels.different} different.`,
    'Scored on `same`: a match on a `related` pair is shown apart, not counted as false; a match on a',
    'pair labelled `different` or not labelled is false. Baselines compare every pair of article pages',
    'on exact word 5-gram sets of our extracted text.',
    '',
    table(
      ['method', 'matches', 'same found', 'precision', 'recall', 'F1', 'related as match', 'false (different / unlabelled)'],
      [scoreRow('Déjà Lu (replay)', g.replay), ...g.baselines.map((b) => scoreRow(`${b.name} (exact 5-grams)`, b.score))],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    `Partial reuse flagged by the replay: ${g.partial.reported} pairs — related ${g.partial.related.length}/${g.partial.relatedTotal},`
      + ` same ${g.partial.same.length}, different ${g.partial.different.length}, unlabelled ${g.partial.unlabelled.length}.`
      + ` Related pairs reported as a match: ${g.replay.related.length}; neither: ${g.partial.relatedTotal - g.partial.related.length - g.replay.related.length}.`,
    '',
    ...(g.relatedUnflagged.length > 0
      ? [
        'Related pairs neither matched nor flagged: extracted C / shared 5-grams (exact), and as the store',
        'sees them: estimated shared shingles / paragraphs found verbatim in both / shared look-up keys',
        '(partial reuse needs enough shared shingles and a paragraph or enough keys):',
        '',
        table(
          ['pair', 'extracted C / shared', 'store shared / ¶ / keys'],
          g.relatedUnflagged.map((u) => [
            pair(u.key),
            u.overlap ? `${fixed(u.overlap.containment, 2)} / ${u.overlap.shared}` : 'no article',
            u.store ? `${Math.round(u.store.shared)} / ${u.store.paragraphs} / ${u.store.passageKeys}` : '–',
          ]),
          ['l', 'r', 'r'],
        ),
        '',
      ]
      : []),
    '#### Same pairs',
    '',
    'C / J = containment of the shorter in the longer / Jaccard, word 5-grams. "store" = the later page',
    'against the earlier one\'s stored sketch: estimated containment / shared shingles / paragraphs found',
    'verbatim in both / look-up keys in common / decide() before the site-boilerplate discount.',
    '',
    table(
      ['pair', 'sites', 'gold C / J', 'extracted C / J / shared', 'store C / shared / ¶ / keys / decide', 'replay'],
      g.details.filter((d) => d.label === 'same').map(sameRow),
    ),
    '',
  );

  const others = g.details.filter((d) => d.label !== 'same');
  if (others.length > 0) {
    const methods = (d: PairDetail) => [
      ...(d.replay === 'none' ? [] : [`replay ${d.replay}`]),
      ...g.baselines.filter((b) => [...b.score.related, ...b.score.falseDifferent, ...b.score.falseUnlabelled].includes(d.key)).map((b) => b.name),
    ].join(', ');
    out.push(
      '#### Other pairs reported: false and related matches, partial flags outside `related`',
      '',
      table(
        ['pair', 'label', 'sites', 'reported by', 'gold C / J', 'extracted C / J / shared', 'replay C / R'],
        others.map((d) => [
          pair(d.key), d.label ?? '(none)', d.sites.join(' ↔ '), methods(d), ratio(d.gold),
          d.extracted ? `${ratio(d.extracted)} / ${d.extracted.shared}` : '–', ratio(d.replayFigures),
        ]),
      ),
      '',
    );
  }
  if (g.notArticles.length > 0) {
    out.push(`Not recorded as articles in the replay: ${g.notArticles.map((n) => `${n.id} (${n.reason})`).join('; ')}.`, '');
  }
  if (r.synthetic.length > 0) {
    out.push(`No absolute original URL in meta.json, replayed under a made-up unique URL (so each is its own site): ${r.synthetic.map((s) => `${s.id} → ${s.url}`).join(', ')}.`, '');
  }
  if (r.constructed) out.push(renderConstructed(r.constructed), '');
  if (r.warnings.length > 0) out.push('Warnings:', ...r.warnings.map((w) => `- ${w}`), '');
  return out.join('\n').trim();
}

function recallLines(a: EvalResult['recall']): string[] {
  const row = (s: EvalResult['recall']['all']) => [s.prefix, String(s.articles), String(s.recorded), fixed(s.recall), String(s.shownArticles), String(s.shownRecorded), fixed(s.shownRecall)];
  return [
    '### Article recall',
    '',
    `Pages whose gold.txt has ${a.minWords} words or more (\`countWords(tokenise(normalise(gold)))\`) recorded as articles by the extension's extraction;`,
    `"shown": of those, the pages that show at least ${Math.round(SHOWN_MIN_SHARE * 100)}% of their gold text's words as a browser parses them (outside scripts, styles,`,
    'noscript and the title: a saved page whose `</title>` is broken puts its whole body in the title, and a browser shows a blank page).',
    '',
    table(['source', 'articles', 'recorded', 'recall', 'shown', 'recorded', 'recall (shown)'], [...a.bySource.map(row), row(a.all)], ['l', 'r', 'r', 'r', 'r', 'r', 'r']),
    '',
    ...(a.missed.length > 0 ? [`Missed: ${a.missed.map((m) => `${m.id} (${m.reason}; gold ${m.goldWords} words${m.shown !== null && m.shown < SHOWN_MIN_SHARE ? `, ${Math.round(m.shown * 100)}% of them shown` : ''})`).join('; ')}.`, ''] : []),
  ];
}

function browserLines(a: EvalResult['browser']): string[] {
  if (!a) return ['### The command line against the browser', '', 'Not run (`--no-browser`).', ''];
  return [
    '### The command line against the browser',
    '',
    `Every page extracted twice: by the command line (parse5 + linkedom, src/cli/parse-html.ts) and by the content`,
    `script's extractArticle in headless Chromium on the live page, its own scripts run (src/eval/browser-extraction.ts).`,
    `Token F1 between the two ≥ ${AGREE_F1} (or no article in either): **${a.agree} of ${a.pages} pages** agree; mean F1 ${fixed(a.meanF1, 4)}.`,
    '',
    ...(a.differing.length === 0
      ? ['No page differs.']
      : [
        `Pages that differ, with the F1 when Chromium runs the page with its scripts off (the parsers alone; 1 means the page's own scripts make the difference):`,
        '',
        table(['page', 'F1', 'scripts off', 'command line', 'Chromium'], a.differing.map((d) => [d.id, fixed(d.f1, 3), fixed(d.scriptsOffF1, 3), d.node, d.browser]), ['l', 'r', 'r', 'l', 'l']),
      ]),
    '',
  ];
}
