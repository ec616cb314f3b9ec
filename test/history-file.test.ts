import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HistoryFileError, parseHistoryFile } from '../src/history-file.ts';

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
});
