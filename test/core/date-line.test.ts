import { describe, expect, it } from 'vitest';
import { isDateLine } from '../../src/core/date-line.ts';
import { fingerprint, paragraphHash } from '../../src/core/fingerprint.ts';
import { normalise } from '../../src/core/normalise.ts';
import { tokenise } from '../../src/core/tokenise.ts';

const dateLine = (text: string) => isDateLine(tokenise(normalise(text)));

describe('isDateLine', () => {
  it.each([
    'Updated December 6, 2026 at 10:45 a.m. EST',
    'Published 06/12/2026 14:05 GMT | Last modified 06/12/2026 16:20 GMT',
    'Mis à jour le 6 décembre 2026 à 10 h 45',
    'Aktualisiert am 6. Dezember 2026 um 10:45 Uhr',
    'Actualizado el 6 de diciembre de 2026 a las 10:45',
    'Aggiornato il 6 dicembre 2026 alle ore 10:45',
    'LONDON, Dec. 6, 2026 at 10:45 a.m. GMT',
    'Last updated Saturday 6 December 2026, 16:45 GMT',
  ])('takes "%s" for a date line', (text) => {
    expect(dateLine(text)).toBe(true);
  });

  it.each([
    'The council voted on December 6 to close the bus route at the end of the month.',
    'Updated figures show 3,400 residents signed the petition within 48 hours of its launch.',
    'Monday at noon: volunteers gather in the square with maps, pencils and flasks of tea',
    'Updated at the request of the family, who asked that their names be left out',
    'The death toll rose to 12 on Sunday, police said.',
  ])('takes a sentence of prose for prose: "%s"', (text) => {
    expect(dateLine(text)).toBe(false);
  });

  it('is told in the fingerprint: a date line\'s hash is among the stamps, prose is not', () => {
    const stamp = 'Updated December 6, 2026 at 10:45 a.m. EST';
    const prose = 'The council voted on Tuesday to keep the last bus to the hill villages running.';
    const print = fingerprint([stamp, prose]);
    expect(print.paragraphs).toEqual([paragraphHash(stamp), paragraphHash(prose)]);
    expect(print.stamps).toEqual([paragraphHash(stamp)]);
  });
});
