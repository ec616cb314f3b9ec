import { describe, expect, it } from 'vitest';
import { END_MARKER, fmt, markdownTable, medianP95, ms, paddedTable, replaceBetweenMarkers, START_MARKER, textTable } from '../../src/bench/format.ts';

describe('replaceBetweenMarkers', () => {
  it('replaces only the block between the markers', () => {
    const before = `# Benchmarks\n\nintro\n\n${START_MARKER}\nold\n${END_MARKER}\n\n## Other\nkept\n`;
    const after = replaceBetweenMarkers(before, 'new figures');
    expect(after).toBe(`# Benchmarks\n\nintro\n\n${START_MARKER}\nnew figures\n${END_MARKER}\n\n## Other\nkept\n`);
  });

  it('appends the block with its markers to a file without them', () => {
    const after = replaceBetweenMarkers('# Benchmarks\n\n<!-- eval:start -->\nx\n<!-- eval:end -->\n', 'figures');
    expect(after).toBe(`# Benchmarks\n\n<!-- eval:start -->\nx\n<!-- eval:end -->\n\n${START_MARKER}\nfigures\n${END_MARKER}\n`);
  });

  it('creates the file from a heading when there is none', () => {
    expect(replaceBetweenMarkers(null, 'figures', '# B\n')).toBe(`# B\n\n${START_MARKER}\nfigures\n${END_MARKER}\n`);
  });

  it('is stable when run twice', () => {
    const once = replaceBetweenMarkers('# B\n', 'a');
    expect(replaceBetweenMarkers(once, 'a')).toBe(once);
  });
});

describe('tables', () => {
  it('aligns a text table: label left, figures right', () => {
    expect(textTable(['stage', 'ms'], [['parse', '1.5'], ['fingerprint', '10.25']])).toBe(
      ['stage           ms', '-----------  -----', 'parse          1.5', 'fingerprint  10.25'].join('\n'),
    );
  });

  it('escapes pipes in Markdown cells', () => {
    expect(markdownTable(['a', 'b'], [['x|y', 1]])).toBe('| a | b |\n| --- | ---: |\n| x\\|y | 1 |');
  });

  it('prints milliseconds with about three significant digits', () => {
    expect([ms(123.4), ms(12.34), ms(1.234), ms(0.1234), ms(Number.NaN)]).toEqual(['123', '12.3', '1.23', '0.123', 'n/a']);
  });
});

describe('paddedTable', () => {
  it('pads every column and right-aligns the columns of numbers', () => {
    expect(paddedTable(['page', 'ms'], [['a', '1.5'], ['long name', 12]])).toBe(
      ['| page      |  ms |', '|-----------|----:|', '| a         | 1.5 |', '| long name |  12 |'].join('\n'),
    );
  });

  it('writes what is not a number as a dash, and a summary as median / p95', () => {
    expect(fmt(Number.NaN)).toBe('–');
    expect(medianP95({ median: 1.234, p95: 5 }, 2)).toBe('1.23 / 5.00');
  });
});
