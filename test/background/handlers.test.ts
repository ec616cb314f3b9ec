import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/background/handlers.ts';
import type { Verdict } from '../../src/messages.ts';
import { freshHistory } from '../fixtures/db.ts';
import { reportFor } from '../fixtures/reports.ts';
import { makeArticle } from '../fixtures/text.ts';

function setup() {
  const badges = new Map<number, string>();
  const verdicts = new Map<number, Verdict>();
  let clock = 0;
  const db = freshHistory();
  const handlers = createHandlers({
    db: () => db,
    now: () => (clock += 60_000),
    setBadge: async (tab, text) => void badges.set(tab, text),
    saveVerdict: async (tab, v) => void verdicts.set(tab, v),
    loadVerdict: async (tab) => verdicts.get(tab) ?? null,
  });
  return { handlers, badges, verdicts };
}

const story = makeArticle(21, 8);
const tab = (id: number, incognito = false) => ({ id: 'x', url: 'https://site/', tab: { id, incognito } });

describe('handlers', () => {
  it('sets the badge to the number of other sites and keeps the verdict for the popup', async () => {
    const { handlers, badges } = setup();
    await handlers['page/report']({ article: true, ...reportFor('https://a.example/1', story) }, tab(1));
    await handlers['page/report']({ article: true, ...reportFor('https://b.example/1', story) }, tab(2));
    expect(badges.get(1)).toBe('');
    expect(badges.get(2)).toBe('1');
    const verdict = await handlers['tab/verdict']({ tabId: 2 }, tab(0));
    expect(verdict?.sightings.map((s) => s.host)).toEqual(['a.example']);
    const recent = await handlers['history/recent']({ limit: 50 }, tab(0));
    expect(recent.map((r) => r.host)).toEqual(['b.example', 'a.example']);
  });

  it('records nothing for a non-article or a private window', async () => {
    const { handlers, badges } = setup();
    const notArticle = await handlers['page/report']({ article: false, url: 'https://a.example/', reason: 'not readerable' }, tab(1));
    expect(notArticle).toMatchObject({ kind: 'not-article', reason: 'not readerable' });
    const privately = await handlers['page/report']({ article: true, ...reportFor('https://a.example/1', story) }, tab(2, true));
    expect(privately.kind).toBe('not-article');
    expect(badges.get(2)).toBe('');
    expect(await handlers['history/recent']({ limit: 50 }, tab(0))).toEqual([]);
  });
});
