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

export interface RecallPage {
  id: string;
  prefix: string;
  gold: string | null;
  /** Why the page was not recorded as an article; null when it was. */
  reason: string | null;
}

export interface SourceRecall {
  prefix: string;
  /** Pages whose gold text has RECALL_MIN_WORDS words or more. */
  articles: number;
  recorded: number;
  /** recorded / articles; null for no article. */
  recall: number | null;
}

export interface ArticleRecall {
  minWords: number;
  bySource: SourceRecall[];
  all: SourceRecall;
  missed: { id: string; goldWords: number; reason: string }[];
}

export function articleRecall(pages: readonly RecallPage[]): ArticleRecall {
  const articles = pages.flatMap((page) => {
    const goldWords = page.gold === null ? 0 : countWords(textTokens(page.gold));
    return goldWords >= RECALL_MIN_WORDS ? [{ ...page, goldWords }] : [];
  });
  const summary = (prefix: string, of: typeof articles): SourceRecall => {
    const recorded = of.filter((p) => p.reason === null).length;
    return { prefix, articles: of.length, recorded, recall: of.length === 0 ? null : recorded / of.length };
  };
  const prefixes = [...new Set(articles.map((p) => p.prefix))].sort();
  return {
    minWords: RECALL_MIN_WORDS,
    bySource: prefixes.map((prefix) => summary(prefix, articles.filter((p) => p.prefix === prefix))),
    all: summary('all', articles),
    missed: articles.flatMap((p) => (p.reason === null ? [] : [{ id: p.id, goldWords: p.goldWords, reason: p.reason }])),
  };
}
