import { getDomain, getHostname } from 'tldts';
import { hostForUrl } from './host.ts';

export { hostForUrl };

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

const PSL = { allowPrivateDomains: true } as const;

/**
 * The site of a host: its registrable domain under the Public Suffix List, private suffixes
 * included ("bbc.co.uk" for news.bbc.co.uk, "someone.github.io" for someone.github.io), or the
 * host itself where there is none (an IP address, localhost, "github.io" itself).
 */
export function siteForHost(host: string): string {
  const h = host.toLowerCase();
  return getDomain(h, PSL) ?? h;
}

/**
 * The site of a page: what the history groups and counts by (ArticleRecord.site, a verdict's
 * `otherSites`) and what the notice's and the popup's per-site switches store. A string that is
 * not a URL is read as tldts reads it, as the history always has.
 */
export function siteForUrl(url: string): string {
  const host = hostForUrl(url);
  if (host) return siteForHost(host);
  return getDomain(url, PSL) ?? (getHostname(url) ?? url).toLowerCase();
}

/** The history's name for siteForUrl (its callers are being edited elsewhere: to be renamed with them). */
export const siteOf = siteForUrl;

/**
 * An entry of a per-site list (excluded sites, sites without the notice) from what a reader typed
 * or pasted: the host alone, without scheme, path, port or a "www." in front of a site
 * ("https://www.example.org/a" -> "example.org"; "news.example.com" stays itself: an entry covers
 * its host and every host under it, see onSites). A site as siteForUrl gives it is its own entry.
 * '' when it names no host.
 */
export function siteEntry(text: string): string {
  const t = text.trim();
  if (!t) return '';
  // A bare IPv6 address ("::1") is not a host until bracketed.
  const bare = /^[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*$/i.test(t) ? `[${t}]` : t;
  const host = hostForUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(bare) ? bare : `http://${bare}`);
  // "www." is dropped unless it is part of the site itself (www.gov.uk: gov.uk is a public suffix).
  return host.startsWith('www.') && siteForHost(host) !== host ? host.slice(4) : host;
}

/** The host as a reader sees it, without "www.". */
export function hostOf(url: string): string {
  return (getHostname(url) ?? url).toLowerCase().replace(/^www\./, '');
}
