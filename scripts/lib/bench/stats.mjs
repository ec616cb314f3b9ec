// @ts-check
/** Formatting, load and disk helpers for the browser benchmark; its statistics are src/bench/stats.ts. */
import { lstat, readdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { summarise } from '../../../src/bench/stats.ts';

/**
 * The order statistics of both halves of the benchmark (src/bench/stats.ts: interpolated quantiles,
 * Hyndman & Fan type 7), under the name this half's report uses.
 */
export const summary = summarise;

/** The 1-minute load average, rounded. */
export const load = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/**
 * @param {number} x
 * @param {number} [digits]
 */
export const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** @param {number} bytes */
export const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * A Markdown-style table, columns padded; numbers right-aligned.
 * @param {string[]} head
 * @param {(string | number)[][]} rows
 */
export function table(head, rows) {
  const cells = [head, ...rows.map((row) => row.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const right = head.map((_, i) => rows.every((row) => typeof row[i] === 'number' || /^[-–\d.,×%]+( ?[a-zA-Z/]+)?$/.test(String(row[i]))));
  const line = (/** @type {string[]} */ row) =>
    `| ${row.map((cell, i) => (right[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map((r) => line(r.map(String)))].join('\n');
}

/**
 * Bytes of the files under `dir` whose path contains `match` (apparent size, and allocated blocks).
 * @param {string} dir
 * @param {string} match
 * @returns {Promise<{ bytes: number, allocated: number, files: number, largest: { file: string, bytes: number }[] }>}
 */
export async function diskUsage(dir, match) {
  let bytes = 0;
  let allocated = 0;
  let files = 0;
  /** @type {{ file: string, bytes: number }[]} */
  const all = [];
  /** @param {string} at @param {boolean} inside */
  const walk = async (at, inside) => {
    const entries = await readdir(at, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(at, entry.name);
      const within = inside || entry.name.includes(match);
      if (entry.isDirectory()) await walk(path, within);
      else if (within) {
        // A database compacting as it is measured deletes files between the listing and this.
        const s = await lstat(path).catch((/** @type {NodeJS.ErrnoException} */ error) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        });
        if (!s) continue;
        bytes += s.size;
        allocated += s.blocks * 512;
        files++;
        all.push({ file: path.slice(dir.length + 1), bytes: s.size });
      }
    }
  };
  await walk(dir, false);
  return { bytes, allocated, files, largest: all.sort((a, b) => b.bytes - a.bytes).slice(0, 4) };
}
