/**
 * Drivers for work written as a generator of steps (`yield` between steps, `return` the result):
 * Node runs the steps back to back; the page runs each in its own task, so that no single task
 * holds the main thread for long (a task over 50 ms delays the reader's clicks and scrolling).
 */

/** Runs every step at once and returns the result (the command line, the evaluation). */
export function runSteps<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps with `pause()` awaited between them (each step its own task, by default). */
export async function runStepsInTasks<T>(steps: Iterator<unknown, T>, pause = nextTask): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}

type WithScheduler = typeof globalThis & { scheduler?: { yield?: () => Promise<void> } };

/**
 * Resolves in a new task: scheduler.yield() where the browser has it (Chromium 129+; the rest of
 * the work keeps its place ahead of other tasks), else a zero timeout.
 */
export function nextTask(): Promise<void> {
  return (globalThis as WithScheduler).scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));
}
