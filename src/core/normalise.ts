/**
 * Text normalisation applied before tokenising, so that the same story typed by two different
 * content systems gives the same tokens: Unicode compatibility forms, case, entities left
 * undecoded by a feed, typographic quotes and dashes, and invisible characters.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
  ndash: '-', mdash: '-', lsquo: "'", rsquo: "'", ldquo: '"', rdquo: '"',
  hellip: '...', laquo: '"', raquo: '"', shy: '',
};

const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi;

/** Decodes the HTML entities a syndication feed commonly leaves in plain text (`AT&amp;T`). */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X'
        ? Number.parseInt(body.slice(2), 16)
        : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

// Zero-width spaces and joiners, the BOM, soft hyphens, word joiners and bidi controls carry no
// words; removing them (rather than turning them into spaces) keeps "wo\u200Brd" one word.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const QUOTES_SINGLE = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g;
const QUOTES_DOUBLE = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

/** Characters NFKC leaves alone and the steps below replace anyway: typographic quotes, dashes, no-break space. */
const NEEDS_UNICODE = /[^\x00-\x7f\u00a0\u2013\u2014\u2018\u2019\u201c\u201d]/;
const QUOTE_OR_DASH = /[\u00ab\u00b4\u00bb\u2010-\u2015\u2018-\u201f\u2032\u2033\u2212]/;

export function normalise(text: string): string {
  let out = text.includes('&') ? decodeEntities(text) : text;
  // Plain ASCII with typographic quotes (most English prose) has nothing for NFKC to change.
  if (NEEDS_UNICODE.test(out)) out = out.normalize('NFKC').replace(INVISIBLE, '');
  if (QUOTE_OR_DASH.test(out) || out.includes('`')) {
    out = out.replace(QUOTES_SINGLE, "'").replace(QUOTES_DOUBLE, '"').replace(DASHES, '-');
  }
  return out.replace(SPACES, ' ').toLowerCase().trim();
}
