// A batch of links as a page sends it, made into the worker's look-ups.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkQueries } from '../../src/history/link-batch.ts';

const batch = (hrefs: string[], texts = hrefs.map(() => 'A headline'), page = 'https://front.example/news/', base = page) => ({ page, base, hrefs, texts });

describe('linkQueries', () => {
  it('resolves each href against the base as the browser resolves a link', () => {
    const hrefs = ['/a/1', '2', '../b/3?x=1#c', '//other.example/4', 'https://third.example/5', ' \n/6\t ', 'HTTPS://Upper.Example/7'];
    expect(linkQueries(batch(hrefs)).map((q) => q.query.url)).toEqual([
      'https://front.example/a/1', 'https://front.example/news/2', 'https://front.example/b/3?x=1#c', 'https://other.example/4',
      'https://third.example/5', 'https://front.example/6', 'https://upper.example/7',
    ]);
    // A <base href> of the page's own: links resolve against it, not the page's address.
    expect(linkQueries(batch(['x'], ['t'], 'https://front.example/news/', 'https://cdn.example/base/'))[0]!.query.url).toBe('https://cdn.example/base/x');
  });

  it('keeps only links to http(s) pages other than the page itself, each with its place in the batch', () => {
    const hrefs = ['#top', '', 'mailto:desk@front.example', 'javascript:void 0', 'ftp://files.example/x', 'http://[bad', '/news/#more', '/news/?page=2', 'https://front.example/news/#x', '/other'];
    expect(linkQueries(batch(hrefs)).map((q) => [q.index, q.query.url])).toEqual([[7, 'https://front.example/news/?page=2'], [9, 'https://front.example/other']]);
  });

  it('folds each text\'s whitespace as the page once did, cut to 300 characters', () => {
    const before = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 300);
    const textOf = (text: string) => linkQueries(batch(['/1'], [text]))[0]!.query.text;
    for (const text of ['  Council  approves\n\tthe plan ', '\u00a0Council approves\u2003the plan\u00a0', 'Council approves the plan', ' ', 'A\r\nB']) {
      expect(textOf(text)).toBe(before(text));
    }
    const spacey = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028'), maxLength: 500 });
    fc.assert(fc.property(spacey, (text) => textOf(text) === before(text)));
  });
});
