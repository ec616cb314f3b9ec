import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HistoryFileError, parseHistoryFile } from '../src/history-file.ts';
import { pageHashOf } from '../src/history/codec.ts';

describe('history file', () => {
  it('accepts or cleanly rejects any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      try {
        parseHistoryFile(value);
      } catch (error) {
        expect(error).toBeInstanceOf(HistoryFileError);
      }
    }), { numRuns: 500 });
  });

  it('rejects a file whose articles are not records, naming the article', () => {
    const file = { format: 'deja-lu-history', version: 2, exportedAt: '', articles: [{ id: 1 }] };
    expect(() => parseHistoryFile(file)).toThrow(/^article 1: "url"/);
    expect(() => parseHistoryFile({ ...file, version: 1 })).toThrow(/^article 1: not an article as version 1 wrote it/);
  });

  it('reads 32-bit paragraph hashes from a version 2 file as they are kept now, and wants 16 bits in version 3', () => {
    const article = {
      id: 1, url: 'https://a.example/1', page: 7, host: 'a.example', site: 'a.example', title: 'T', siteName: null,
      firstSeen: 1, lastSeen: 1, words: 300, size: 290, sketch: [1], threshold: null, keys: [5], paragraphs: [0x1234_5678, 9], story: 1,
    };
    const file = { format: 'deja-lu-history', version: 2, exportedAt: '', articles: [article] };
    expect(parseHistoryFile(file).articles[0]?.paragraphs).toEqual([0x5678, 9]);
    expect(() => parseHistoryFile({ ...file, version: 3 })).toThrow(/^article 1: "paragraphs" must be a list of at most 1000 16-bit hashes/);
    expect(parseHistoryFile({ ...file, version: 3, articles: [{ ...article, paragraphs: [0x5678, 9] }] }).articles[0]?.paragraphs).toEqual([0x5678, 9]);
    expect(() => parseHistoryFile({ ...file, version: 4 })).toThrow(/unsupported version 4: this version of Déjà Lu reads versions 1 to 3/);
  });

  it('takes the page, host and site from the URL, never from the file', () => {
    const article = {
      id: 1, url: 'https://news.a.example/1', page: 7, host: 'victim.example', site: 'victim.example', title: 'T', siteName: 'Victim',
      firstSeen: 1, lastSeen: 1, words: 300, size: 290, sketch: [1], threshold: null, keys: [5], paragraphs: [9], story: 1,
    };
    const parsed = parseHistoryFile({ format: 'deja-lu-history', version: 3, exportedAt: '', articles: [article] }).articles[0]!;
    expect(parsed).toMatchObject({ page: pageHashOf('https://news.a.example/1'), host: 'news.a.example', site: 'a.example' });
  });

  it('checks the paragraph hashes of a version 1 file before folding them', () => {
    const article = {
      id: 1, url: 'https://a.example/1', page: 'a.example/1', site: 'a.example', title: 'T', siteName: null,
      firstSeen: 1, lastSeen: 1, words: 300, size: 290, sketch: [1], keys: [5], paragraphs: [0x1234_5678], story: 1,
    };
    const file = { format: 'deja-lu-history', version: 1, exportedAt: '', articles: [article] };
    expect(parseHistoryFile(file).articles[0]?.paragraphs).toEqual([0x5678]);
    expect(() => parseHistoryFile({ ...file, articles: [{ ...article, paragraphs: ['x', {}, null] }] })).toThrow(/^article 1: not an article as version 1 wrote it/);
  });
});
