/** Plain-text and Markdown rendering of the results. Pure. */

export type Row = readonly (string | number)[];

/** A fixed-width table for the terminal: first column left-aligned, the others right-aligned. */
export function textTable(header: Row, rows: readonly Row[]): string {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export function markdownTable(header: Row, rows: readonly Row[]): string {
  const cells = (row: Row) => `| ${row.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  const align = `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [cells(header), align, ...rows.map(cells)].join('\n');
}

export const START_MARKER = '<!-- bench:start -->';
export const END_MARKER = '<!-- bench:end -->';

/**
 * Puts `block` between the bench markers of `existing`, keeping everything else. Without the
 * markers (or without a file) the block is appended, markers included.
 */
export function replaceBetweenMarkers(existing: string | null, block: string, heading = '# Benchmarks\n'): string {
  const body = `${START_MARKER}\n${block.trim()}\n${END_MARKER}`;
  if (existing === null || existing.trim() === '') return `${heading}\n${body}\n`;
  const start = existing.indexOf(START_MARKER);
  const end = existing.indexOf(END_MARKER, start + START_MARKER.length);
  if (start < 0 || end < 0) return `${existing.replace(/\s*$/, '\n\n')}${body}\n`;
  return existing.slice(0, start) + body + existing.slice(end + END_MARKER.length);
}

/** Milliseconds with about three significant digits. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export function int(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en') : 'n/a';
}

export function ratio(value: number, digits = 2): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)}×` : 'n/a';
}

/** A number with `digits` decimals, or '–' when it is not finite (the browser half's report). */
export const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '–');

export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** "median / p95" of a summary. */
export const medianP95 = (x: { median: number; p95: number }, digits = 1): string => `${fmt(x.median, digits)} / ${fmt(x.p95, digits)}`;

const NUMERIC = /^[-–\d.,×%]+( ?[a-zA-Z/]+)?$/;

/** A Markdown table with padded columns, columns of numbers right-aligned (the browser half's report). */
export function paddedTable(head: Row, rows: readonly Row[]): string {
  const cells = [head, ...rows].map((row) => row.map(String));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const right = head.map((_, i) => rows.every((row) => typeof row[i] === 'number' || NUMERIC.test(String(row[i]))));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, i) => (right[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join('\n');
}
