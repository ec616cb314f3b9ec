/**
 * Which of the stories a page matches it joins (issue 14). A page joins at most one story: its
 * own, or else the one it matches best. Another story it matches is merged into that one only when
 * their texts are one story both ways (oneStoryBothWays: a digest carrying two stories contains
 * each, yet they are two), and never when a member of one is kept apart from a member of the other:
 * the reader's "Not the same story" holds for good. The page is still told of every earlier article
 * it matches itself, whichever story that article is in.
 */
import { oneStoryBothWays, type Match } from '../core/index.ts';
import type { ArticleRecord } from '../platform/database.ts';
import type { Assessment } from './assess.ts';

export interface Joined {
  /** The stories the page joins (to be merged into one), its own or its best match's first. */
  stories: number[];
  /** What the page is told of: the members of those stories, and its own matches in other stories. */
  shown: ArticleRecord[];
}

type Joining = Pick<Assessment, 'stories' | 'matches' | 'existing' | 'size' | 'thresholds' | 'compare'>;

/** The stories `a`'s page joins, given the members of every story it matches (`a.stories`). */
export function joinStories(a: Joining, members: readonly ArticleRecord[]): Joined {
  const [home, ...others] = a.stories;
  if (home === undefined) return { stories: [], shown: [] };
  const membersOf = (story: number) => members.filter((m) => m.story === story);
  const matchOf = (x: ArticleRecord): Match => ({ size: x.size, overlap: a.compare(x) });
  const joined = [home];
  const inJoined = [...membersOf(home), ...(a.existing ? [a.existing] : [])];
  const matchesJoined = [...a.matches.filter((m) => m.story === home), ...(a.existing ? [a.existing] : [])];
  for (const story of others) {
    const group = membersOf(story);
    if (group.some((m) => inJoined.some((j) => keptApart(m, j)))) continue;
    const matched = a.matches.filter((m) => m.story === story);
    if (!matched.some((x) => matchesJoined.some((y) => oneStoryBothWays(a.size, matchOf(x), matchOf(y), a.thresholds)))) continue;
    joined.push(story);
    inJoined.push(...group);
    matchesJoined.push(...matched);
  }
  const elsewhere = a.matches.filter((m) => !joined.includes(m.story));
  return { stories: joined, shown: [...members.filter((m) => joined.includes(m.story)), ...elsewhere] };
}

/** The reader said these two are not the same story (the link is kept on both sides; either is enough). */
const keptApart = (x: ArticleRecord, y: ArticleRecord): boolean =>
  (x.apart?.includes(y.id ?? -1) ?? false) || (y.apart?.includes(x.id ?? -1) ?? false);
