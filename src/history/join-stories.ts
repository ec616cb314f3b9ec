/**
 * Which of the stories a page matches it joins (issue 14). A page joins at most one story: its
 * own, or else the one it matches best. Another story it matches is merged into that one only when
 * the page matches every member of it and their texts are one story both ways (oneStoryBothWays: a digest carrying two stories contains
 * each, yet they are two), and never when a member of one is kept apart from a member of the other:
 * the reader's "Not the same story" holds for good. The page is still told of every earlier article
 * it matches itself in another story, as text it shares (partial), not as a sighting of its story:
 * the badge counts the other sites of the one story the page is in.
 */
import { decide, oneStoryBothWays, type Match } from '../core/index.ts';

const NO_PASSAGES = { paragraphs: 0, keys: 0 };
import type { ArticleRecord } from './records.ts';
import type { Assessment } from './assess.ts';

export interface Joined {
  /** The stories the page joins (to be merged into one), its own or its best match's first. */
  stories: number[];
  /** The members of those stories: the page's sightings. */
  shown: ArticleRecord[];
  /** Its own matches in other stories: shown as text it shares, not counted on the badge. */
  elsewhere: ArticleRecord[];
}

type Joining = Pick<Assessment, 'stories' | 'matches' | 'existing' | 'size' | 'thresholds' | 'compare'>;

/** The stories `a`'s page joins, given the members of every story it matches (`a.stories`). */
export function joinStories(a: Joining, members: readonly ArticleRecord[]): Joined {
  const membersOf = (story: number) => members.filter((m) => m.story === story);
  // A new page joins only a story it is the same story as every member of: a story a digest
  // joined holds texts of two stories, and a page matching the digest alone must not join the other.
  const sameAsPage = (m: ArticleRecord) => a.matches.some((x) => x.id === m.id) || decide(a.compare(m), NO_PASSAGES, a.thresholds) === 'same-story';
  const first = a.existing ? a.stories[0] : a.stories.find((s) => membersOf(s).every(sameAsPage));
  const [home, ...others] = first === undefined ? [] : [first, ...a.stories.filter((s) => s !== first)];
  if (home === undefined) return { stories: [], shown: [], elsewhere: [...a.matches] };
  const matchOf = (x: ArticleRecord): Match => ({ size: x.size, overlap: a.compare(x) });
  const joined = [home];
  const inJoined = [...membersOf(home), ...(a.existing ? [a.existing] : [])];
  // Other texts only: the page's own earlier record is the page, and a digest page half made of a
  // story would pass for one story with it at the threshold.
  const matchesJoined = a.matches.filter((m) => m.story === home && m.id !== a.existing?.id);
  for (const story of others) {
    const group = membersOf(story);
    if (group.some((m) => inJoined.some((j) => keptApart(m, j)))) continue;
    const matched = a.matches.filter((m) => m.story === story);
    // Every member of the other story must be a text the page matches, one story both ways with the
    // page's own story: a story a digest joined holds texts the page may share nothing with.
    if (group.some((m) => !matched.some((x) => x.id === m.id))) continue;
    if (!matched.every((x) => matchesJoined.some((y) => oneStoryBothWays(a.size, matchOf(x), matchOf(y), a.thresholds)))) continue;
    joined.push(story);
    inJoined.push(...group);
    matchesJoined.push(...matched);
  }
  const elsewhere = a.matches.filter((m) => !joined.includes(m.story));
  return { stories: joined, shown: members.filter((m) => joined.includes(m.story)), elsewhere };
}

/** The reader said these two are not the same story (the link is kept on both sides; either is enough). */
const keptApart = (x: ArticleRecord, y: ArticleRecord): boolean =>
  (x.apart?.includes(y.id ?? -1) ?? false) || (y.apart?.includes(x.id ?? -1) ?? false);
