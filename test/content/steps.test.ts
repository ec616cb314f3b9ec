import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/core/fingerprint.ts';
import { runSteps } from '../../src/core/steps.ts';
import { extractArticle, extractSteps, TEXT_BUDGET } from '../../src/content/extract.ts';
import { articleParagraphs } from '../../src/content/paragraphs.ts';
import { nextTask, runStepsInTasks } from '../../src/content/steps.ts';
import { articlePage } from '../fixtures/html.ts';
import { makeArticle } from '../fixtures/text.ts';

const URL = 'https://news.example/story';
const parse = (html: string) => parseHTML(html).document;
const story = (seed: number, paragraphs: number) => parse(articlePage({ title: 'A story', paragraphs: makeArticle(seed, paragraphs) }));

/** The extraction as it was before steps and the text budget: Readability on a whole clone. */
function wholePage(doc: Document) {
  const parsed = new Readability<Element>(doc.cloneNode(true) as Document, { serializer: (node) => node as Element }).parse();
  const paragraphs = parsed?.content ? articleParagraphs(parsed.content) : [];
  return { title: parsed?.title, paragraphs, fingerprint: fingerprint(paragraphs) };
}

describe('extraction steps', () => {
  it('give what Readability on the whole page gives, for a page under the text budget', () => {
    const doc = story(81, 30);
    const found = extractArticle(doc, URL);
    if (!found.article) return expect.fail(found.reason);
    const whole = wholePage(doc);
    expect(found.paragraphs).toEqual(whole.paragraphs);
    expect(found.fingerprint).toEqual(whole.fingerprint);
    expect(found.title).toBe(whole.title);
  });

  it('give the start of what the whole page gives, for a page over the budget', () => {
    const doc = story(82, 400);
    const found = extractArticle(doc, URL);
    if (!found.article) return expect.fail(found.reason);
    const whole = wholePage(doc).paragraphs;
    expect(whole.join(' ').length).toBeGreaterThan(2 * TEXT_BUDGET);
    // The paragraph that passes the budget is cut inside: its start is kept.
    const last = found.paragraphs.length - 1;
    expect(found.paragraphs.slice(0, last)).toEqual(whole.slice(0, last));
    expect(whole[last]!.startsWith(found.paragraphs[last]!)).toBe(true);
    const chars = found.paragraphs.join('').length;
    expect(chars).toBeGreaterThan(TEXT_BUDGET - 200);
    expect(chars).toBeLessThan(TEXT_BUDGET + 1_000);
  });

  it('keep the JSON-LD metadata a long page puts after its article', () => {
    const jsonLd = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'A story', author: { '@type': 'Person', name: 'Ada Reporter' }, datePublished: '2026-01-02T03:04:05Z' };
    const html = articlePage({ title: 'A story', paragraphs: makeArticle(86, 400) })
      .replace('</footer>', `</footer><script type="application/ld+json">${JSON.stringify(jsonLd)}</script>`);
    const found = extractArticle(parse(html), URL);
    if (!found.article) return expect.fail(found.reason);
    expect(found.byline).toBe('Ada Reporter');
    expect(found.published).toBe('2026-01-02T03:04:05Z');
  });

  it('give the same result run at once and run one step per task', async () => {
    for (const doc of [story(83, 30), story(84, 2), parse('<!doctype html><html><body><ul><li><a href="/">Home</a></li></ul></body></html>')]) {
      expect(await runStepsInTasks(extractSteps(doc, URL))).toEqual(runSteps(extractSteps(doc, URL)));
    }
  });
});

describe('runStepsInTasks', () => {
  it('pauses between steps, never before the first or after the last', async () => {
    const log: string[] = [];
    function* steps() {
      log.push('a');
      yield;
      log.push('b');
      yield;
      log.push('c');
      return 'done';
    }
    const result = await runStepsInTasks(steps(), async () => void log.push('pause'));
    expect(result).toBe('done');
    expect(log).toEqual(['a', 'pause', 'b', 'pause', 'c']);
  });

  it('runs each step of the extraction in a task of its own', async () => {
    // A macrotask counter: setImmediate runs once per turn of the event loop.
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const seen: number[] = [];
    function* observed<T>(steps: Iterator<unknown, T>): Generator<unknown, T> {
      for (;;) {
        seen.push(turns);
        const next = steps.next();
        if (next.done) return next.value;
        yield next.value;
      }
    }
    const found = await runStepsInTasks(observed(extractSteps(story(85, 30), URL)));
    counting = false;
    expect(found.article).toBe(true);
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
  });
});

describe('nextTask', () => {
  it('resolves in a later task, after every pending microtask', async () => {
    let depth = 0;
    const chain = (): Promise<void> => (++depth < 1_000 ? Promise.resolve().then(chain) : Promise.resolve());
    const microtasks = chain();
    await nextTask();
    expect(depth).toBe(1_000);
    await microtasks;
  });
});
