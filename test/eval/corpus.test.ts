import { describe, expect, it } from 'vitest';
import { siteOf } from '../../src/core/url.ts';
import { parseManifest, prefixOf, syntheticUrl } from '../../src/eval/corpus.ts';

describe('corpus', () => {
  it('lists ids in MANIFEST order from the id column', () => {
    expect(parseManifest('role\tid\turl\nx\tzz-2\thttp://a/\ny\taa-1\t\n\n')).toEqual(['zz-2', 'aa-1']);
    expect(() => parseManifest('name\turl\n')).toThrow(/id/);
  });

  it('makes a unique URL of its own site for a page without one', () => {
    const a = syntheticUrl('msv-x_1');
    const b = syntheticUrl('msv-x_2');
    expect(a).toBe('https://unknown-msv-x-1.invalid/');
    expect(a).not.toBe(b);
    expect(siteOf(a)).not.toBe(siteOf(b));
    expect(() => new URL(syntheticUrl('Ünïcode id / with spaces'))).not.toThrow();
  });

  it('takes the source prefix up to the first dash', () => {
    expect(prefixOf('msv-chaos-all-space_2')).toBe('msv-');
    expect(prefixOf('rdb-002')).toBe('rdb-');
  });
});
