/**
 * The article body a page declares in its JSON-LD (schema.org `articleBody`), for pages where
 * Readability finds nothing or only a teaser. Returns the longest body declared, or null.
 */
import { SPACE_RUN } from './paragraphs.ts';

const ARTICLE_TYPE = /Article$|^BlogPosting$|^Report$/;
const MAX_SCRIPT = 2_000_000;

export function jsonLdArticleBody(doc: Document): string | null {
  let best: string | null = null;
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT || !text.includes('articleBody')) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue; // many sites ship broken JSON-LD; it is only a fallback
    }
    for (const body of articleBodies(data)) if (!best || body.length > best.length) best = body;
  }
  return best;
}

function* articleBodies(node: unknown, depth = 0): Generator<string> {
  if (depth > 8 || typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const item of node) yield* articleBodies(item, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record['@type']);
  if (typeof record.articleBody === 'string' && types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) {
    yield record.articleBody;
  }
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart']) yield* articleBodies(record[key], depth + 1);
}

/** Splits a declared body into paragraphs; some sites separate them only by a space after HTML is stripped. */
export function bodyParagraphs(body: string): string[] {
  const decoded = body.replace(/<[^>]{0,200}>/g, '\n');
  return decoded.split(/\n+/).map((p) => p.replace(SPACE_RUN, ' ').trim()).filter((p) => p.length > 0);
}
