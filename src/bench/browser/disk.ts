/** The files a browser profile keeps a database in, and the machine's load while measuring. */
import { lstat, readdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { sleep } from '../../../test/harness/poll.ts';

/** The 1-minute load average, rounded. */
export const load = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;

export interface DiskUsage {
  bytes: number;
  allocated: number;
  files: number;
  largest: { file: string; bytes: number }[];
}

/** Bytes of the files under `dir` whose path contains `match` (apparent size, and allocated blocks). */
export async function diskUsage(dir: string, match: string): Promise<DiskUsage> {
  const usage: DiskUsage = { bytes: 0, allocated: 0, files: 0, largest: [] };
  const all: { file: string; bytes: number }[] = [];
  const walk = async (at: string, inside: boolean): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(at, entry.name);
      const within = inside || entry.name.includes(match);
      if (entry.isDirectory()) await walk(path, within);
      else if (within) {
        // A database compacting as it is measured deletes files between the listing and this.
        const s = await lstat(path).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        });
        if (!s) continue;
        usage.bytes += s.size;
        usage.allocated += s.blocks * 512;
        usage.files++;
        all.push({ file: path.slice(dir.length + 1), bytes: s.size });
      }
    }
  };
  await walk(dir, false);
  usage.largest = all.sort((a, b) => b.bytes - a.bytes).slice(0, 4);
  return usage;
}

/**
 * After each seeding stage nothing is timed until the database's files have stopped changing for
 * SETTLE_QUIET_MS (at most SETTLE_MAX_MS): a bulk write of up to 90,000 articles leaves the
 * database compacting for a while (look-ups timed at once ran twice as slow), and a history that
 * grew over years of reading is not fresh from one.
 */
export const SETTLE_QUIET_MS = 5_000;
const SETTLE_MAX_MS = 180_000;

/** Waits until the database's files have not changed for SETTLE_QUIET_MS; returns the time waited. */
export async function settle(profile: string, disk: string): Promise<number> {
  const start = Date.now();
  let last = '';
  let quietSince = start;
  while (Date.now() - start < SETTLE_MAX_MS) {
    const usage = await diskUsage(profile, disk);
    const state = JSON.stringify([usage.bytes, usage.files, usage.largest]);
    if (state !== last) {
      last = state;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= SETTLE_QUIET_MS) break;
    await sleep(500);
  }
  return Date.now() - start;
}
