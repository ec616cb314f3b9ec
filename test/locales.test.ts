/**
 * Every translation in _locales says everything the English one says, with the same slots: a
 * missing key shows the key itself in the UI (t() falls back to it), and a placeholder lost or
 * renamed drops a number or an error message from the sentence without any error at run time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, Message>;

const ROOT = join(import.meta.dirname, '..', '_locales');
/** The Chrome Web Store cuts a longer summary. */
const DESCRIPTION_LIMIT = 132;
const PRODUCT = 'Déjà Lu';

const load = (locale: string): Messages => JSON.parse(readFileSync(join(ROOT, locale, 'messages.json'), 'utf8')) as Messages;

/** `$NAME$` references of a message, lower-cased (the browsers match placeholder names without case). */
const references = (text: string) => [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

/** The `$1`…`$9` substitutions a message ends up with, through its placeholders or written directly. */
function substitutions(entry: Message): string[] {
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const viaPlaceholders = references(entry.message).map((name) => placeholders[name] ?? `undefined $${name}$`);
  const direct = [...entry.message.replace(/\$[A-Za-z0-9_@]+\$/g, '').matchAll(/\$(\d)/g)].map((m) => `$${m[1]}`);
  return [...new Set([...viaPlaceholders, ...direct])].sort();
}

/** Everything wrong with one locale's messages, measured against the English reference. */
function localeProblems(reference: Messages, messages: Messages): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(reference)) if (!(key in messages)) problems.push(`${key}: missing`);
  for (const [key, entry] of Object.entries(messages)) {
    const english = reference[key];
    if (!english) {
      problems.push(`${key}: not in en`);
      continue;
    }
    if (typeof entry.message !== 'string' || entry.message.trim() === '') problems.push(`${key}: empty message`);
    const names = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase()).sort();
    const englishNames = Object.keys(english.placeholders ?? {}).map((n) => n.toLowerCase()).sort();
    if (names.join() !== englishNames.join()) problems.push(`${key}: placeholders ${names.join() || 'none'}, en has ${englishNames.join() || 'none'}`);
    for (const name of references(entry.message)) {
      if (!names.includes(name)) problems.push(`${key}: $${name.toUpperCase()}$ has no placeholder`);
    }
    if (substitutions(entry).join() !== substitutions(english).join()) {
      problems.push(`${key}: substitutes ${substitutions(entry).join() || 'nothing'}, en ${substitutions(english).join() || 'nothing'}`);
    }
    if (english.message.includes(PRODUCT) && !entry.message.includes(PRODUCT)) problems.push(`${key}: "${PRODUCT}" translated or lost`);
  }
  const description = messages.extDescription?.message ?? '';
  if (description.length > DESCRIPTION_LIMIT) problems.push(`extDescription: ${description.length} characters, the store takes ${DESCRIPTION_LIMIT}`);
  return problems;
}

const english = load('en');
const locales = readdirSync(ROOT).sort();

describe('locales', () => {
  it('has English, French, German, Spanish, Italian and Hebrew', () => {
    expect(locales).toEqual(expect.arrayContaining(['de', 'en', 'es', 'fr', 'he', 'it']));
  });

  it.each(locales)('%s has every key of en, with the same placeholders, nothing empty', (locale) => {
    expect(localeProblems(english, load(locale))).toEqual([]);
  });

  // The check itself: each kind of mistake is reported (so a passing run above means something).
  describe('finds', () => {
    const french = load('fr');
    const broken = (change: (m: Messages) => void): Messages => {
      const copy = structuredClone(french);
      change(copy);
      return copy;
    };

    it('a missing key and an extra one', () => {
      expect(localeProblems(english, broken((m) => {
        delete m.popupHistory;
        m.popupHistoire = { message: 'Historique' };
      }))).toEqual(['popupHistory: missing', 'popupHistoire: not in en']);
    });

    it('an empty message', () => {
      expect(localeProblems(english, broken((m) => void (m.dismiss!.message = ' ')))).toEqual(['dismiss: empty message']);
    });

    it('a placeholder renamed, dropped, or pointing at another argument', () => {
      expect(localeProblems(english, broken((m) => void (m.popupSeenOn!.message = 'Lu sur $N$ autres sites')))).toEqual([
        'popupSeenOn: $N$ has no placeholder',
        'popupSeenOn: substitutes undefined $n$, en $1',
      ]);
      expect(localeProblems(english, broken((m) => void (m.popupSeenOn!.message = 'Lu sur plusieurs sites')))).toEqual([
        'popupSeenOn: substitutes nothing, en $1',
      ]);
      expect(localeProblems(english, broken((m) => void (m.optionsImported!.placeholders!.merged!.content = '$1')))).toEqual([
        'optionsImported: substitutes $1, en $1,$2',
      ]);
      expect(localeProblems(english, broken((m) => void delete m.popupError!.placeholders))).toEqual([
        'popupError: placeholders none, en has error',
        'popupError: $ERROR$ has no placeholder',
        'popupError: substitutes undefined $error$, en $1',
      ]);
    });

    it('the product name translated, and a description too long for the store', () => {
      expect(localeProblems(english, broken((m) => {
        m.optionsTitle!.message = 'Options de Déjà-lu';
        m.extDescription!.message = 'x'.repeat(133);
      }))).toEqual(['optionsTitle: "Déjà Lu" translated or lost', 'extDescription: 133 characters, the store takes 132']);
    });
  });
});
