/** Properties that must hold for any input text, checked on generated strings (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactSample, overlap, sketchSample } from '../../src/core/compare.ts';
import { fingerprint } from '../../src/core/fingerprint.ts';
import { normalise } from '../../src/core/normalise.ts';
import { tokenise } from '../../src/core/tokenise.ts';

// Words, punctuation, entities, invisible and bidi characters, several scripts, lone surrogates.
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('&amp;', '&#x201c;', '&#99999999;', '\u200b', '\u202e', '\u00a0', '\ud800', '东京', 'שלום', ' — ', "'", '\n\n'),
);
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(' '));
const paragraphs = fc.array(text, { maxLength: 8 });

describe('core properties', () => {
  it('normalise and tokenise never throw, are deterministic, and normalise is idempotent', () => {
    fc.assert(fc.property(text, (s) => {
      const n = normalise(s);
      expect(normalise(s)).toBe(n);
      expect(normalise(n)).toBe(n);
      expect(tokenise(n)).toEqual(tokenise(n));
      for (const token of tokenise(n)) expect(token.length).toBeGreaterThan(0);
    }), { numRuns: 500 });
  });

  it('tokenise finds the same words in plain ASCII text by its fast path as by the Unicode rule', () => {
    // The rule every text follows (tokenise's Unicode path); an ASCII text is split the same way.
    const unicodeWords = (s: string) =>
      [...s.matchAll(/[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu)].map((m) => m[0].replace(/['\u2019]/g, ''));
    const ascii = fc.string({ unit: fc.constantFrom(..."aZ09 '’.-_\t\n\"&;".split(''), ...'abcxyzABCXYZ0123456789'.split('')), maxLength: 80 });
    fc.assert(fc.property(fc.oneof(ascii, fc.string({ unit: 'binary-ascii', maxLength: 80 })), (s) => {
      expect(tokenise(s)).toEqual(unicodeWords(s));
    }), { numRuns: 2000 });
  });

  it('fingerprint never throws, is deterministic and keeps its bounds', () => {
    fc.assert(fc.property(paragraphs, (ps) => {
      const a = fingerprint(ps);
      expect(fingerprint(ps)).toEqual(a);
      expect(a.sketch.length).toBeLessThanOrEqual(64);
      expect(a.hashes).toEqual([...a.hashes].sort((x, y) => x - y));
      for (const h of [...a.hashes, ...a.keys, ...a.paragraphs]) expect(h >>> 0).toBe(h);
    }), { numRuns: 300 });
  });

  it('containment stays in [0, 1] and resemblance is symmetric', () => {
    fc.assert(fc.property(paragraphs, paragraphs, (pa, pb) => {
      const a = fingerprint(pa);
      const b = fingerprint(pb);
      const ab = overlap(exactSample(a.hashes), exactSample(b.hashes));
      const ba = overlap(exactSample(b.hashes), exactSample(a.hashes));
      for (const o of [ab, ba, overlap(exactSample(a.hashes), sketchSample(b.sketch, b.hashes.length))]) {
        expect(o.containment).toBeGreaterThanOrEqual(0);
        expect(o.containment).toBeLessThanOrEqual(1);
        expect(o.resemblance).toBeGreaterThanOrEqual(0);
        expect(o.resemblance).toBeLessThanOrEqual(1);
      }
      expect(ab.resemblance).toBeCloseTo(ba.resemblance, 10);
      expect(ab.containment).toBeCloseTo(ba.containment, 10);
    }), { numRuns: 300 });
  });

  it('a text contains itself entirely', () => {
    fc.assert(fc.property(paragraphs, (ps) => {
      const a = fingerprint(ps);
      if (a.hashes.length === 0) return;
      expect(overlap(exactSample(a.hashes), sketchSample(a.sketch, a.hashes.length)).containment).toBe(1);
    }), { numRuns: 200 });
  });
});
