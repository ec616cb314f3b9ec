/**
 * Resolves once the page has really been read: visible for `seconds` in all (time in a background
 * tab does not count), or scrolled by more than half a screen. Zero resolves at once.
 */
export function whenRead(seconds: number, signal: AbortSignal): Promise<void> {
  if (seconds <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    let remaining = seconds * 1000;
    let startedAt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      stop();
      resolve();
    };
    const start = () => {
      if (document.visibilityState !== 'visible' || timer !== undefined) return;
      startedAt = performance.now();
      timer = setTimeout(done, remaining);
    };
    const pause = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      remaining -= performance.now() - startedAt;
    };
    const onVisibility = () => (document.visibilityState === 'visible' ? start() : pause());
    const onScroll = () => {
      if (window.scrollY > window.innerHeight / 2) done();
    };
    const stop = () => {
      pause();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('scroll', onScroll);
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('scroll', onScroll, { passive: true });
    signal.addEventListener('abort', stop, { once: true });
    start();
  });
}
