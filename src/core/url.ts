import { getDomain, getHostname } from 'tldts';

/** Query parameters that identify a campaign or a click, never a different page. */
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ocid|cmpid|ref|ref_src|ref_url|src|smid|share|sharetype|s_cid|at_medium|at_campaign|amp|outputtype|__twitter_impression|guccounter)$/i;

/** Host prefixes of mobile and AMP variants of the same site. */
const VARIANT_HOST = /^(www\d?|m|mobile|amp|amp-|touch)\./i;

/**
 * The identity of a page: the same article reached through a tracking link, an AMP or mobile
 * variant, another scheme or a fragment gives the same key. Not a URL to open; a key to compare.
 */
export function pageKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.trim();
  }
  let host = parsed.hostname.toLowerCase();
  while (VARIANT_HOST.test(host)) host = host.replace(VARIANT_HOST, '');
  if (host.endsWith('.cdn.ampproject.org')) return ampCacheKey(parsed);
  const path = parsed.pathname
    .replace(/\.amp(\.html?)$/i, '$1')
    .replace(/\/amp(\/|\.html?)?$/i, '/')
    .replace(/^\/amp\//i, '/')
    .replace(/\/(index|default)\.(html?|php|aspx?)$/i, '/')
    .replace(/\/+$/, '');
  const params = [...parsed.searchParams]
    .filter(([name]) => !TRACKING.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  const port = parsed.port ? `:${parsed.port}` : '';
  return `${host}${port}${path || '/'}${query ? `?${query}` : ''}`;
}

/** Google's AMP cache serves example.com/a as example-com.cdn.ampproject.org/c/s/example.com/a. */
function ampCacheKey(parsed: URL): string {
  const inner = parsed.pathname.replace(/^\/[a-z]\/(s\/)?/i, '');
  return pageKey(`https://${inner}${parsed.search}`);
}

/** The registrable domain ("bbc.co.uk" for news.bbc.co.uk), or the host for IPs and localhost. */
export function siteOf(url: string): string {
  const domain = getDomain(url, { allowPrivateDomains: true });
  if (domain) return domain;
  return (getHostname(url) ?? url).toLowerCase();
}

/** The host as a reader sees it, without "www.". */
export function hostOf(url: string): string {
  return (getHostname(url) ?? url).toLowerCase().replace(/^www\./, '');
}
