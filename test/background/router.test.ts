import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../src/background/router.ts';
import { reportFor } from '../fixtures/reports.ts';
import { makeArticle } from '../fixtures/text.ts';

const own = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const verdict = { kind: 'recorded' as const, url: '', title: '', sightings: [], partial: [], otherSites: 0, revisit: false, articleId: null, articleUrl: null, readParagraphs: [], updated: null, site: '' };
const page = { stories: [], next: null };

function setup() {
  const handlers: Handlers = {
    'page/check': vi.fn(async () => verdict),
    'page/record': vi.fn(async () => verdict),
    'links/read': vi.fn(async () => []),
    'tab/verdict': vi.fn(async () => null),
    'history/stories': vi.fn(async () => page),
    'article/forget': vi.fn(async () => true),
    'article/unlink': vi.fn(async () => true),
    'story/delete': vi.fn(async () => 1),
    'history/export': vi.fn(async () => { throw new Error('not in this test'); }),
    'history/import': vi.fn(async () => ({ added: 0, merged: 0 })),
    'history/clear': vi.fn(async () => 0),
    'history/health': vi.fn(async () => ({ articles: 0, damaged: 0, storageProblem: null })),
  };
  return { handlers, route: createRouter(handlers, own) };
}

const report = { app: 'deja-lu', type: 'page/record', payload: { article: true, ...reportFor('https://a.example/x', makeArticle(1, 4)) } };
const fromTab = { id: 'ext-id', url: 'https://a.example/x', tab: { id: 3 } };
const fromPopup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };

describe('router', () => {
  beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));

  it('passes a valid report from a content script to its handler', async () => {
    const { handlers, route } = setup();
    expect(await route(report, fromTab)).toEqual({ ok: true, value: verdict });
    expect(handlers['page/record']).toHaveBeenCalledOnce();
  });

  it('ignores messages that are not ours, so other listeners can answer', () => {
    const { route } = setup();
    expect(route({ hello: 1 }, fromTab)).toBeUndefined();
    expect(route('page/report', fromTab)).toBeUndefined();
  });

  it('refuses other extensions, page reports from extension pages, and history queries from tabs', async () => {
    const { handlers, route } = setup();
    expect(await route(report, { ...fromTab, id: 'other' })).toMatchObject({ ok: false, error: expect.stringMatching(/another extension/) });
    expect(await route(report, fromPopup)).toMatchObject({ ok: false, error: expect.stringMatching(/content script/) });
    const stories = { app: 'deja-lu', type: 'history/stories', payload: { query: '', multiSite: false, before: null, limit: 5 } };
    expect(await route(stories, fromTab)).toMatchObject({ ok: false, error: expect.stringMatching(/own pages/) });
    expect(await route(stories, fromPopup)).toEqual({ ok: true, value: page });
    const clear = { app: 'deja-lu', type: 'history/clear', payload: {} };
    expect(await route(clear, fromTab)).toMatchObject({ ok: false });
    expect(handlers['history/clear']).not.toHaveBeenCalled();
    expect(handlers['page/record']).not.toHaveBeenCalled();
  });

  it('rejects malformed payloads with an error naming the field', async () => {
    const { handlers, route } = setup();
    const bad = (payload: object) => route({ ...report, payload: { ...report.payload, ...payload } }, fromTab);
    expect(await bad({ hashes: [1, -2] })).toMatchObject({ ok: false, error: 'hashes: expected 32-bit unsigned integers' });
    expect(await bad({ title: 'x'.repeat(5000) })).toMatchObject({ ok: false, error: expect.stringMatching(/^title: longer than/) });
    expect(await bad({ keys: 'nope' })).toMatchObject({ ok: false, error: 'keys: expected an array' });
    expect(await bad({ stamps: [1.5] })).toMatchObject({ ok: false, error: 'stamps: expected 32-bit unsigned integers' });
    expect(await bad({ stamps: Array.from({ length: 1_001 }, () => 1) })).toMatchObject({ ok: false, error: expect.stringMatching(/^stamps/) });
    expect(await bad({ article: 'yes' })).toMatchObject({ ok: false, error: expect.stringMatching(/^article/) });
    expect(handlers['page/record']).not.toHaveBeenCalled();
    // An action on a record names the page it was shown for.
    const forget = (payload: object) => route({ app: 'deja-lu', type: 'article/forget', payload }, fromPopup);
    expect(await forget({ id: 1 })).toMatchObject({ ok: false, error: 'url: expected a string' });
    expect(await forget({ id: 1, url: 'https://a.example/1' })).toEqual({ ok: true, value: true });
    const unlink = { app: 'deja-lu', type: 'article/unlink', payload: { id: 1, tabId: 2 } };
    expect(await route(unlink, fromPopup)).toMatchObject({ ok: false, error: 'url: expected a string' });
    expect(handlers['article/unlink']).not.toHaveBeenCalled();
    // A batch of links is bounded in count and length, and each link checked.
    const links = (payload: object) => route({ app: 'deja-lu', type: 'links/read', payload }, fromTab);
    const batch = { page: 'https://f.example/', base: 'https://f.example/', hrefs: ['/1'], texts: ['A headline'] };
    expect(await links(batch)).toEqual({ ok: true, value: [] });
    expect(await links({ ...batch, hrefs: Array(2_001).fill('/1'), texts: Array(2_001).fill('') })).toMatchObject({ ok: false, error: 'hrefs: more than 2000 entries' });
    expect(await links({ ...batch, texts: ['x'.repeat(301)] })).toMatchObject({ ok: false, error: 'texts: an entry: longer than 300 characters' });
    expect(await links({ ...batch, hrefs: [`/${'x'.repeat(4_096)}`] })).toMatchObject({ ok: false, error: 'hrefs: an entry: longer than 4096 characters' });
    expect(await links({ ...batch, hrefs: [3] })).toMatchObject({ ok: false, error: 'hrefs: an entry: expected a string' });
    expect(await links({ ...batch, texts: [] })).toMatchObject({ ok: false, error: 'hrefs and texts: expected as many of each' });
    expect(await links({ ...batch, page: undefined })).toMatchObject({ ok: false, error: 'page: expected a string' });
    expect(await links({ ...batch, base: null })).toMatchObject({ ok: false, error: 'base: expected a string' });
    expect(await links({ ...batch, hrefs: 'all' })).toMatchObject({ ok: false, error: 'hrefs: expected an array' });
    expect(await route({ app: 'deja-lu', type: 'links/read', payload: batch }, fromPopup)).toMatchObject({ ok: false });
    expect(handlers['links/read']).toHaveBeenCalledTimes(1);
  });

  it('returns a handler failure as data', async () => {
    const { handlers, route } = setup();
    vi.mocked(handlers['page/record']).mockRejectedValueOnce(new Error('disk full'));
    expect(await route(report, fromTab)).toEqual({ ok: false, error: 'disk full' });
  });
});
