import { describe, expect, it } from 'vitest';
import { hostOf, pageKey, siteOf } from '../../src/core/url.ts';

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
