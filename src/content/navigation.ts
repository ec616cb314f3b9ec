/**
 * Calls back when a single-page site moves to another address without loading a page
 * (history.pushState, replaceState, back and forward), with no webNavigation permission: the
 * Navigation API where the browser has it, and a light poll of location as a fallback, since a
 * content script cannot see the page's own calls to pushState; and when the page comes back from
 * the back/forward cache.
 */
export function onAddressChange(callback: (url: string) => void): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    callback(last);
  };
  const nav = (window as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', check);
  // Back (or forward) to a page kept whole in the back/forward cache: the worker forgot the tab
  // when it left, so the page is told again. (A single-page site's own back and forward: the poll.)
  addEventListener('pageshow', (event) => event.persisted && callback(last));
  setInterval(check, 1_000);
}
