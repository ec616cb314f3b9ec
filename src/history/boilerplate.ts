import type { ArticleRecord } from './records.ts';

/** A sampled shingle found in articles of this many other stories of a site is its template. */
export const TEMPLATE_STORIES = 2;

/**
 * Shingles that recur across different stories of one site are its template (newsletter pitch,
 * author box, footer) and carry no evidence that two articles are one story: document frequency
 * counted in stories, not articles, so a story read on many sister sites is not mistaken for it.
 */
export class Boilerplate {
  /** No evidence of any template. */
  static readonly NONE = new Boilerplate([]);

  private readonly storiesByHash = new Map<number, Set<number>>();

  constructor(neighbours: readonly ArticleRecord[]) {
    for (const article of neighbours) {
      for (const hash of article.sketch) {
        let stories = this.storiesByHash.get(hash);
        if (!stories) this.storiesByHash.set(hash, (stories = new Set()));
        stories.add(article.story);
      }
    }
  }

  /** A predicate for comparisons with `story`, whose own recurring text is not boilerplate. */
  ignoring(...ownStories: number[]): ((hash: number) => boolean) | undefined {
    if (this.storiesByHash.size === 0) return undefined;
    return (hash) => {
      const stories = this.storiesByHash.get(hash);
      if (!stories) return false;
      let others = stories.size;
      for (const own of new Set(ownStories)) if (stories.has(own)) others--;
      return others >= TEMPLATE_STORIES;
    };
  }
}
