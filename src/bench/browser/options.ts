/** The browser half's command line, and the log every phase writes to. */
import { join, resolve } from 'node:path';
import { load } from './disk.ts';

export interface BrowserOptions {
  corpusDir: string;
  /** The build's root (dist, or $DEJA_LU_DIST): the extension in chrome/ and firefox/, bench-page.js. */
  distRoot: string;
  jsonPath: string;
  tracePages: number;
  lookups: number;
  check: boolean;
  checkStable: boolean;
  firefox: boolean;
  /** History sizes at which look-up + record is timed, ascending (the largest is the seeded total). */
  sizes: number[];
  /** Corpus pages, and rounds over them, loaded with and without the extension (page-load.ts). */
  loadPages: number;
  loadRounds: number;
  /** Loads of the marks' front page (marks.ts). */
  marksRuns: number;
  /** One phase alone (for working on it): its figures and budgets only. */
  only: OnlyPhase | null;
}

export const ONLY_PHASES = ['page-load', 'marks'] as const;
export type OnlyPhase = (typeof ONLY_PHASES)[number];

const onlyPhase = (value: string | undefined): OnlyPhase | null => {
  if (value === undefined) return null;
  const phase = ONLY_PHASES.find((p) => p === value);
  if (!phase) throw new Error(`--only takes ${ONLY_PHASES.join(', ')}, not ${value}`);
  return phase;
};

export function parseOptions(argv: readonly string[], root: string): BrowserOptions {
  const rest = [...argv];
  const option = (name: string) => {
    const i = rest.indexOf(name);
    if (i < 0) return undefined;
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
    rest.splice(i, 2);
    return value;
  };
  const flag = (name: string) => {
    const i = rest.indexOf(name);
    if (i >= 0) rest.splice(i, 1);
    return i >= 0;
  };
  const options = {
    jsonPath: resolve(option('--json') ?? join(root, 'out', 'bench-browser.json')),
    tracePages: Number(option('--pages') ?? 40),
    lookups: Number(option('--lookups') ?? 200),
    check: flag('--check'),
    checkStable: flag('--check-stable'),
    firefox: flag('--firefox'),
    sizes: (option('--sizes') ?? '1000,10000,100000').split(',').map(Number).sort((a, b) => a - b),
    loadPages: Number(option('--load-pages') ?? 30),
    loadRounds: Number(option('--load-rounds') ?? 3),
    marksRuns: Number(option('--marks-runs') ?? 5),
    only: onlyPhase(option('--only')),
  };
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown) throw new Error(`unknown option ${unknown}`);
  return {
    ...options,
    corpusDir: resolve(rest[0] ?? join(root, '..', 'shared', 'corpus')),
    distRoot: resolve(root, process.env.DEJA_LU_DIST ?? 'dist'),
  };
}

export interface Log {
  (message: string): void;
  /** Logs the start of a phase and notes the load average then. */
  phase(name: string): void;
  /** The load average at the start of each phase. */
  loadAt: Record<string, number>;
  /** When the run started (Date.now()). */
  started: number;
}

export function makeLog(): Log {
  const started = Date.now();
  const log = ((message: string) => {
    console.error(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s, load ${load().toFixed(2)}] ${message}`);
  }) as Log;
  log.loadAt = {};
  log.started = started;
  log.phase = (name) => {
    log.loadAt[name] = load();
    log(name);
  };
  return log;
}
