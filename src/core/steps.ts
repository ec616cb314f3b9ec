/**
 * Work written as a generator of steps (`yield` between steps, `return` the result) can be run at
 * once, as here, or one step per task in a page (src/content/steps.ts), so that no single task
 * holds the page's main thread for long.
 */
export function runSteps<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
