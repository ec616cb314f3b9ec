/**
 * Content script, injected at document idle on http(s) pages: the page's top frame is checked
 * (check.ts) once it has loaded. Document idle is, on most pages, the moment just before the load
 * event, which waits for the injected script: so nothing else runs as it is injected, and check.ts
 * and all it imports (Readability, the fingerprint, the notice) are evaluated only once the page
 * has loaded (esbuild makes a module imported with import() in this bundle lazy; BENCHMARKS.md,
 * "Cost to page load").
 */
import { pageLoaded } from './page-loaded.ts';

if (window.top === window && /html/i.test(document.contentType)) {
  pageLoaded()
    .then(() => import('./check.ts'))
    .then(({ start }) => start())
    .catch((error: unknown) => console.debug('deja-lu: page not checked:', error));
}
