/**
 * Article recall: of the corpus pages whose gold text is a real article (RECALL_MIN_WORDS words or
 * more), the share the extension records as an article, per source and overall, and the pages
 * missed with the reason. Words are counted as the fingerprint counts them:
 * countWords(tokenise(normalise(gold))).
 */
import { countWords } from '../core/tokenise.ts';
import { textTokens } from './f1.ts';

/** A gold text this long is an article a reader would want recorded (the recording minimum is 120). */
export const RECALL_MIN_WORDS = 150;
/**
 * Share of the gold text's words that the page must show (its text as a browser parses it, outside
 * scripts, styles and the title) for the page to have an article a reader can see. A saved page
 * whose `</title>` is broken puts its whole body in the title: a browser shows a blank page.
 */
export const SHOWN_MIN_SHARE = 0.5;

export interface RecallPage {
  id: string;
  prefix: string;
  gold: string | null;
  /** Why the page was not recorded as an article; null when it was. */
  reason: string | null;
  /** Share of the gold text's words in the page's shown text (null: not measured). */
  shown?: number | null;
}

export interface SourceRecall {
  prefix: string;
  /** Pages whose gold text has RECALL_MIN_WORDS words or more. */
  articles: number;
  recorded: number;
  /** recorded / articles; null for no article. */
  recall: number | null;
  /** The same, counting only the articles the page shows (SHOWN_MIN_SHARE). */
  shownArticles: number;
  shownRecorded: number;
  shownRecall: number | null;
}

export interface ArticleRecall {
  minWords: number;
  bySource: SourceRecall[];
  all: SourceRecall;
  missed: { id: string; goldWords: number; reason: string; shown: number | null }[];
}

export function articleRecall(pages: readonly RecallPage[]): ArticleRecall {
  const articles = pages.flatMap((page) => {
    const goldWords = page.gold === null ? 0 : countWords(textTokens(page.gold));
    return goldWords >= RECALL_MIN_WORDS ? [{ ...page, goldWords }] : [];
  });
  const summary = (prefix: string, of: typeof articles): SourceRecall => {
    const recorded = of.filter((p) => p.reason === null).length;
    const shown = of.filter((p) => (p.shown ?? 1) >= SHOWN_MIN_SHARE);
    const shownRecorded = shown.filter((p) => p.reason === null).length;
    return {
      prefix, articles: of.length, recorded, recall: of.length === 0 ? null : recorded / of.length,
      shownArticles: shown.length, shownRecorded, shownRecall: shown.length === 0 ? null : shownRecorded / shown.length,
    };
  };
  const prefixes = [...new Set(articles.map((p) => p.prefix))].sort();
  return {
    minWords: RECALL_MIN_WORDS,
    bySource: prefixes.map((prefix) => summary(prefix, articles.filter((p) => p.prefix === prefix))),
    all: summary('all', articles),
    missed: articles.flatMap((p) => (p.reason === null ? [] : [{ id: p.id, goldWords: p.goldWords, reason: p.reason, shown: p.shown ?? null }])),
  };
}
