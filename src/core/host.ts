/**
 * The host of a URL as the per-site settings compare it: lower case, an international name in its
 * ASCII (punycode) form as browsers give it, no trailing dot, an IPv6 address without brackets.
 * '' for what is not a URL with a host. Apart from url.ts because it needs no Public Suffix List:
 * tldts is 130 kB, and the content script, which checks its settings with this, has a size budget.
 */
export function hostForUrl(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return '';
  }
  return host.toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
}
