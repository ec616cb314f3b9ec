/** What the figures were measured on. */
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';

export interface Machine {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  memoryGiB: number;
  /** 1-minute load average when the run started: above the core count, other work competed. */
  loadAverage: number;
}

export function machine(): Machine {
  const list = cpus();
  return {
    node: process.version,
    cpu: list[0]?.model.trim() || 'unknown CPU',
    cores: availableParallelism?.() ?? list.length,
    platform: `${process.platform} ${process.arch}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export const freeMemoryGiB = (): number => freemem() / 2 ** 30;
