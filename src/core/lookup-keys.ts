/**
 * Which of a text's winnowed keys are stored for look-up, and which a page asks for.
 *
 * A copy may share any long passage with the story, wherever it sits in either text: a copy cut
 * short keeps the beginning, a prefaced copy (an editor's note first) moves it, a copy of part 2
 * holds only the end, wire copy is reordered. The stored keys are therefore the text's first few
 * (the lead, which most copies keep) and one *anchor* from each of ANCHOR_SEGMENTS equal stretches
 * of the text: the key of lowest `mix()` there, a choice that depends on the text alone, not on
 * where it sits. Any passage covering two fifths of a stored text holds a whole stretch, so its
 * anchor. A page asks for its own stored keys and the QUERY_LOWEST keys of lowest `mix()` in all
 * its text: a stored text that the page contains has its lowest-mixed key (always one of its
 * anchors) among the page's lowest unless the page is many times longer. Figures: README, "How it
 * decides".
 */
import { LEAD_KEYS } from './decide.ts';
import { mix } from './hash.ts';

/** Keys stored per article: each costs 12 bytes of every article's record and postings. */
export const MAX_STORED_KEYS = 8;
/** Stretches of the text that each give one anchor key. */
export const ANCHOR_SEGMENTS = MAX_STORED_KEYS - LEAD_KEYS;
/** Keys of lowest mix() a page asks for beside its own stored ones, at least... */
export const QUERY_LOWEST = 16;
/**
 * ...and a fifth of its keys, up to QUERY_MOST: a long page (a digest of ten stories) holds many
 * stored texts, each of whose lowest-ranked key must rank among the page's lowest. Only long pages
 * pay for the extra rows read.
 */
export const QUERY_SHARE = 0.2;
export const QUERY_MOST = 48;

const rank = (key: number) => mix(key ^ 0x5bd1e995);

/** The keys an article is stored under (in text order): its lead and one anchor per stretch. */
export function storedKeys(keys: readonly number[]): number[] {
  if (keys.length <= MAX_STORED_KEYS) return [...keys];
  const chosen = new Set(keys.slice(0, LEAD_KEYS));
  const rest = keys.length - LEAD_KEYS;
  for (let s = 0; s < ANCHOR_SEGMENTS; s++) {
    const from = LEAD_KEYS + Math.floor((s * rest) / ANCHOR_SEGMENTS);
    const to = LEAD_KEYS + Math.floor(((s + 1) * rest) / ANCHOR_SEGMENTS);
    let best = -1;
    for (let i = from; i < to; i++) {
      if (!chosen.has(keys[i]!) && (best < 0 || rank(keys[i]!) < rank(keys[best]!))) best = i;
    }
    if (best >= 0) chosen.add(keys[best]!);
  }
  return keys.filter((key) => chosen.has(key));
}

/** The keys a page looks up: its own stored keys (their rows are then read), and its lowest-ranked. */
export function queryKeys(keys: readonly number[]): number[] {
  const count = Math.min(QUERY_MOST, Math.max(QUERY_LOWEST, Math.ceil(keys.length * QUERY_SHARE)));
  const lowest = [...new Set(keys)].map((key) => [rank(key), key] as const).sort((a, b) => a[0] - b[0]).slice(0, count).map(([, key]) => key);
  return [...new Set([...storedKeys(keys), ...lowest])];
}
