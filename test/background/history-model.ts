/**
 * The simple in-memory model the history is checked against: which pages have a record and under
 * which id, when each was read, the ids ever given and taken away, and which articles the reader
 * said are apart. How articles group into stories is not predicted (that is the matching
 * algorithm's job): it is read from the store, and only its invariants are checked.
 */
import { expect } from 'vitest';
import type { ArticleRecord } from '../../src/history/records.ts';
import { POOL } from './history-pool.ts';

export interface Entry {
  /** Index of the page in POOL. */
  page: number;
  firstSeen: number;
  lastSeen: number;
}

export class Model {
  live = new Map<number, Entry>();
  /** Every id the history ever gave. */
  issued = new Set<number>();
  /** Ids of deleted articles. */
  deleted = new Set<number>();
  /** Pairs of live articles the reader said are not the same story ("a,b", a < b). */
  apart = new Set<string>();
  /** Pool page of each page hash recorded (to know the pages of an imported file). */
  byPageHash = new Map<number, number>();
  files: unknown[] = [];
  tabs = 0;

  /** The live article at position n (of the live ones, by id), if any. */
  nth(n: number): number | undefined {
    const ids = [...this.live.keys()].sort((a, b) => a - b);
    return ids.length > 0 ? ids[n % ids.length] : undefined;
  }

  idOf(page: number): number | undefined {
    for (const [id, e] of this.live) if (e.page === page) return id;
    return undefined;
  }

  remove(id: number): void {
    this.live.delete(id);
    this.deleted.add(id);
    for (const p of this.apart) if (p.split(',').map(Number).includes(id)) this.apart.delete(p);
  }

  /** Records a new id, which must never have been given before. */
  issue(id: number, entry: Entry, what: string): void {
    expect(this.issued.has(id), `id ${id} given again (${what}); ids given before: ${[...this.issued].join(' ')}`).toBe(false);
    this.issued.add(id);
    this.live.set(id, entry);
  }

  setApart(a: number, b: number): void {
    this.apart.add(a < b ? `${a},${b}` : `${b},${a}`);
  }

  /** Live articles, least recently read first, as the quota prune takes them. */
  oldest(): number[] {
    return [...this.live].sort(([i, a], [j, b]) => a.lastSeen - b.lastSeen || i - j).map(([id]) => id);
  }
}

/** A full disk's episode (from a failed record to the next record that succeeds): what it pruned. */
export class Episode {
  pruned = 0;
  constructor(private start: number, private share: number) {}

  /** Checks the deletions of one failed record: the oldest readings, and no more than one prune's worth per episode. */
  prune(model: Model, gone: number[]): void {
    if (gone.length === 0) return;
    const oldest = model.oldest().slice(0, gone.length);
    expect([...gone].sort((a, b) => a - b), 'a full disk prunes the least recently read').toEqual(oldest.sort((a, b) => a - b));
    this.pruned += gone.length;
    const bound = Math.max(1, Math.ceil(this.start * this.share));
    expect(this.pruned, `a full disk pruned ${this.pruned} of ${this.start} articles (one prune is ${bound})`).toBeLessThanOrEqual(bound);
  }

  restart(count: number): void {
    this.start = count;
    this.pruned = 0;
  }
}

export const name = (model: Model, r: ArticleRecord) => `${r.id}:${POOL[model.live.get(r.id ?? -1)?.page ?? -1]?.name ?? '?'}`;
