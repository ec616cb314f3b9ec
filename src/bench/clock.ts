/**
 * The clock every timing reads. `wall` (default) is elapsed time, what the reader waits for;
 * `cpu` is the CPU time this process used (all its threads, so the garbage collector's helpers
 * too): on a machine where other work competes for the cores it leaves out the time spent
 * waiting for a core, so figures and budget checks stay comparable from run to run.
 */
export type ClockKind = 'wall' | 'cpu';

const clocks: Record<ClockKind, () => number> = {
  wall: () => performance.now(),
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

let current: () => number = clocks.wall;
let currentKind: ClockKind = 'wall';

/** Milliseconds on the chosen clock, from an arbitrary origin: only differences mean anything. */
export const now = (): number => current();

export function useClock(kind: ClockKind): void {
  current = clocks[kind];
  currentKind = kind;
}

export const clockKind = (): ClockKind => currentKind;

export function isClockKind(value: string): value is ClockKind {
  return value === 'wall' || value === 'cpu';
}
