/** One huge paragraph is bounded like a page: what is normalised, and what is tokenised. */
import { describe, expect, it, vi } from 'vitest';

const seen = vi.hoisted(() => ({ normalise: [] as number[], tokenise: [] as number[] }));
vi.mock('../../src/core/normalise.ts', async (original) => {
  const module = await original<typeof import('../../src/core/normalise.ts')>();
  return { ...module, normalise: (text: string) => (seen.normalise.push(text.length), module.normalise(text)) };
});
vi.mock('../../src/core/tokenise.ts', async (original) => {
  const module = await original<typeof import('../../src/core/tokenise.ts')>();
  return { ...module, tokenise: (text: string) => (seen.tokenise.push(text.length), module.tokenise(text)) };
});

const { fingerprint, MAX_PARAGRAPH_CHARS } = await import('../../src/core/fingerprint.ts');

describe('fingerprint of one huge paragraph', () => {
  it('normalises and tokenises at most MAX_PARAGRAPH_CHARS of it, however much NFKC makes of it', () => {
    seen.normalise.length = seen.tokenise.length = 0;
    // U+FDFA is one character that NFKC turns into 18.
    fingerprint(['\uFDFA'.repeat(1_000_000)]);
    expect(Math.max(...seen.normalise)).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
    expect(Math.max(...seen.tokenise)).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
  });

  it('takes a word of 4 million letters without overflowing the tokeniser', () => {
    seen.tokenise.length = 0;
    const print = fingerprint([`${'é'.repeat(4_190_000)} and then some words`]);
    expect(print.words).toBe(1);
    expect(Math.max(...seen.tokenise)).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
  });
});
