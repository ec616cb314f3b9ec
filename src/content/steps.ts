/**
 * Runs a generator of steps in the page, each step in its own task (runSteps in src/core/steps.ts
 * runs them at once): a task over 50 ms delays the reader's clicks and scrolling.
 */
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
