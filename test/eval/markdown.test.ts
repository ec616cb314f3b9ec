import { describe, expect, it } from 'vitest';
import { END, START, fixed, replaceBlock, table } from '../../src/eval/markdown.ts';

describe('markdown', () => {
  it('pads a table to its widest cells, right-aligning numbers', () => {
    expect(table(['name', 'n'], [['a', '10'], ['longer', '2']], ['l', 'r']).split('\n')).toEqual([
      '| name   |   n |',
      '|--------|----:|',
      '| a      |  10 |',
      '| longer |   2 |',
    ]);
  });

  it('prints a dash for an undefined figure', () => {
    expect(fixed(null)).toBe('–');
    expect(fixed(0.12345)).toBe('0.123');
  });

  it('replaces only what is between the markers', () => {
    const doc = `# Title\n\nintro\n\n${START}\nold\n${END}\n\nafter\n`;
    expect(replaceBlock(doc, 'new', '# H')).toBe(`# Title\n\nintro\n\n${START}\nnew\n${END}\n\nafter\n`);
  });

  it('appends the block to a document without markers, and creates a missing one', () => {
    expect(replaceBlock('# Mine\n\ntext\n', 'b', '# H')).toBe(`# Mine\n\ntext\n\n${START}\nb\n${END}\n`);
    expect(replaceBlock(null, 'b', '# H')).toBe(`# H\n\n${START}\nb\n${END}\n`);
  });
});
