/** Plain-text rendering helpers: Markdown tables (readable on a terminal too) and marked blocks. */

export const START = '<!-- eval:start -->';
export const END = '<!-- eval:end -->';

export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length), 3));
  const pad = (cell: string, i: number) => (align?.[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0));
  const line = (cells: readonly string[]) => `| ${header.map((_, i) => pad(cells[i] ?? '', i)).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align?.[i] === 'r' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A figure 0..1 to three decimals; a dash for "not defined". */
export function fixed(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}

/**
 * Puts `block` between the eval markers of `document`, leaving everything else as it is; appends
 * the markers and block when the document has none (or creates it from `header`).
 */
export function replaceBlock(document: string | null, block: string, header: string): string {
  const marked = `${START}\n${block.trim()}\n${END}`;
  if (document === null || document.trim() === '') return `${header.trim()}\n\n${marked}\n`;
  const start = document.indexOf(START);
  const end = start < 0 ? -1 : document.indexOf(END, start);
  if (start < 0 || end < 0) return `${document.replace(/\s*$/, '')}\n\n${marked}\n`;
  return document.slice(0, start) + marked + document.slice(end + END.length);
}
