import { describe, expect, it } from 'vitest';
import { hostForUrl, hostOf, pageKey, siteEntry, siteForHost, siteForUrl, siteOf } from '../../src/core/url.ts';

describe('pageKey', () => {
  const base = pageKey('https://www.example.com/news/2026/story-1');
  it.each([
    'http://example.com/news/2026/story-1',
    'https://example.com/news/2026/story-1/',
    'https://example.com/news/2026/story-1#comments',
    'https://example.com/news/2026/story-1?utm_source=tw&utm_medium=social&fbclid=abc',
    'https://example.com/news/2026/story-1?gclid=1&ref=home',
    'https://m.example.com/news/2026/story-1',
    'https://amp.example.com/news/2026/story-1',
    'https://example.com/news/2026/story-1/amp',
    'https://example.com/news/2026/story-1/amp/',
    'https://example.com/amp/news/2026/story-1',
    'https://example.com/news/2026/story-1?amp',
    'https://example-com.cdn.ampproject.org/c/s/example.com/news/2026/story-1',
  ])('%s is the same page', (url) => {
    expect(pageKey(url)).toBe(base);
  });

  it('keeps parameters that select content, in a stable order', () => {
    expect(pageKey('https://example.com/article?id=2&page=1')).toBe(pageKey('https://example.com/article?page=1&id=2'));
    expect(pageKey('https://example.com/article?id=2')).not.toBe(pageKey('https://example.com/article?id=3'));
    expect(pageKey('https://example.com/news/story-1.amp.html')).toBe(pageKey('https://example.com/news/story-1.html'));
  });
});

describe('siteOf', () => {
  it('gives the registrable domain, using the public suffix list', () => {
    expect(siteOf('https://news.bbc.co.uk/x')).toBe('bbc.co.uk');
    expect(siteOf('https://edition.cnn.com/x')).toBe('cnn.com');
    expect(siteOf('https://someone.github.io/x')).toBe('someone.github.io');
  });

  it('falls back to the host for addresses and local names', () => {
    expect(siteOf('http://127.0.0.2:8080/x')).toBe('127.0.0.2');
    expect(siteOf('http://localhost:3000/x')).toBe('localhost');
    expect(hostOf('https://www.example.com/x')).toBe('example.com');
  });
});

describe('siteForUrl and siteForHost: the one "site"', () => {
  it.each([
    ['https://www.example.com/a', 'example.com'],
    ['https://example.com/a', 'example.com'],
    ['https://news.example.com/a', 'example.com'],
    ['https://a.b.news.example.co.uk/a', 'example.co.uk'],
    ['https://www.bbc.co.uk/news', 'bbc.co.uk'],
    ['HTTPS://WWW.Example.COM/a', 'example.com'],
    ['https://example.com./a', 'example.com'],
    // Private suffixes: each GitHub Pages or Blogspot user is a site of their own.
    ['https://someone.github.io/post', 'someone.github.io'],
    ['https://www.someone.github.io/post', 'someone.github.io'],
    ['https://x.blogspot.com/2026/01/a.html', 'x.blogspot.com'],
    // A public suffix alone has no registrable domain: the host is the site.
    ['https://github.io/', 'github.io'],
    ['https://www.gov.uk/guidance', 'www.gov.uk'],
    ['http://127.0.0.5:8080/a', '127.0.0.5'],
    ['http://[::1]:8080/a', '::1'],
    ['http://[2001:DB8::1]/a', '2001:db8::1'],
    ['http://localhost:3000/a', 'localhost'],
    ['http://intranet/a', 'intranet'],
    // International names in their ASCII form, as browsers give location.href, whichever was typed.
    ['https://www.bücher.example/a', 'xn--bcher-kva.example'],
    ['https://www.xn--bcher-kva.example/a', 'xn--bcher-kva.example'],
    ['https://news.münchen.de/a', 'xn--mnchen-3ya.de'],
  ])('%s is on the site %s', (url, site) => {
    expect(siteForUrl(url)).toBe(site);
  });

  it('gives the site of a host as of its URL', () => {
    expect(siteForHost('news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteForHost('WWW.Example.com')).toBe('example.com');
    expect(siteForHost('alice.github.io')).toBe('alice.github.io');
    expect(siteForHost('github.io')).toBe('github.io');
    expect(siteForHost('10.0.0.1')).toBe('10.0.0.1');
    expect(siteForHost('localhost')).toBe('localhost');
    expect(siteForHost('::1')).toBe('::1');
  });

  it('is the history\'s siteOf, which reads strings that are not URLs as before', () => {
    expect(siteOf).toBe(siteForUrl);
    expect(siteForUrl('news.bbc.co.uk/a')).toBe('bbc.co.uk');
    expect(siteForUrl('not a url')).toBe('not a url');
  });
});

describe('hostForUrl', () => {
  it('gives the host as the settings compare it', () => {
    expect(hostForUrl('https://WWW.Example.com:8443/a?b#c')).toBe('www.example.com');
    expect(hostForUrl('https://example.com./a')).toBe('example.com');
    expect(hostForUrl('http://[::1]:8080/')).toBe('::1');
    expect(hostForUrl('https://bücher.example/')).toBe('xn--bcher-kva.example');
    expect(hostForUrl('http://user:pw@127.0.0.1/')).toBe('127.0.0.1');
    expect(hostForUrl('not a url')).toBe('');
    expect(hostForUrl('file:///etc/passwd')).toBe('');
  });
});

describe('siteEntry: what the options page keeps of a typed line', () => {
  it.each([
    ['example.org', 'example.org'],
    ['https://www.example.org/some/page', 'example.org'],
    ['http://Example.ORG:8080/a?b', 'example.org'],
    ['www.example.org', 'example.org'],
    // A host under a site stays itself: the reader asked for that part only.
    ['news.example.com', 'news.example.com'],
    ['https://www.news.example.com/', 'news.example.com'],
    ['someone.github.io', 'someone.github.io'],
    // "www." that is the site itself stays (gov.uk is a public suffix, not a site).
    ['www.gov.uk', 'www.gov.uk'],
    ['127.0.0.9', '127.0.0.9'],
    ['http://127.0.0.9:8080/x', '127.0.0.9'],
    ['::1', '::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['localhost:3000', 'localhost'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['  example.org  ', 'example.org'],
    ['', ''],
    ['<script>', ''],
    ['http://', ''],
  ])('%j is kept as %j', (typed, entry) => {
    expect(siteEntry(typed)).toBe(entry);
  });

  it('keeps a site as the switches store it, so the options page shows and saves back exactly that', () => {
    for (const url of ['https://www.example.com/a', 'https://news.bbc.co.uk/a', 'https://someone.github.io/a', 'https://www.gov.uk/a',
      'http://127.0.0.5/a', 'http://[::1]/a', 'http://localhost:3000/a', 'https://www.bücher.example/a', 'https://github.io/']) {
      const site = siteForUrl(url);
      expect(siteEntry(site)).toBe(site);
    }
  });
});
