import { describe, expect, it } from 'vitest';
import { exactSample, overlap, sketchSample } from '../../src/core/compare.ts';
import { decide, sharedParagraphs } from '../../src/core/decide.ts';
import { fingerprint, PARAGRAPH_BITS, splitParagraphs } from '../../src/core/fingerprint.ts';
import { makeArticle } from '../fixtures/text.ts';

const story = makeArticle(1, 40);
const other = makeArticle(2, 40);

describe('overlap and decide', () => {
  it('recognises a copy truncated to 40% by containment, where resemblance is low', () => {
    const full = fingerprint(story);
    const cut = fingerprint(story.slice(0, 16));
    const o = overlap(exactSample(cut.hashes), exactSample(full.hashes));
    expect(o.containment).toBeGreaterThan(0.95);
    expect(o.resemblance).toBeLessThan(0.5);
    expect(decide(o)).toBe('same-story');
  });

  it('estimates containment from a stored sketch close to the exact figure', () => {
    const full = fingerprint(story);
    const cut = fingerprint(story.slice(0, 20));
    const exact = overlap(exactSample(cut.hashes), exactSample(full.hashes)).containment;
    const estimated = overlap(exactSample(cut.hashes), sketchSample(full.sketch, full.hashes.length)).containment;
    expect(Math.abs(exact - estimated)).toBeLessThan(0.15);
  });

  it('keeps different boilerplate from hiding the story', () => {
    const a = fingerprint(['Subscribe to our newsletter for the best stories every morning.', ...story, 'Photo credit: Agency']);
    const b = fingerprint(['ADVERTISEMENT', ...story.slice(0, 30), 'This post is also available in: Français Deutsch']);
    expect(decide(overlap(exactSample(a.hashes), exactSample(b.hashes)))).toBe('same-story');
  });

  it('treats entities and typography as the same text', () => {
    const a = fingerprint(story.map((p) => p.replace(/ and /g, ' &amp; ').replace(/'/g, '\u2019')));
    const b = fingerprint(story.map((p) => p.replace(/ and /g, ' & ')));
    expect(overlap(exactSample(a.hashes), exactSample(b.hashes)).containment).toBe(1);
  });

  it('says different for two unrelated stories', () => {
    const o = overlap(exactSample(fingerprint(story).hashes), exactSample(fingerprint(other).hashes));
    expect(o.containment).toBeLessThan(0.05);
    expect(decide(o)).toBe('different');
  });

  it('recognises a truncated CJK copy through character shingles', () => {
    const zh = splitParagraphs('东京电力公司周二表示，福岛第一核电站的处理水排放工作将于下周继续进行，预计持续约十七天。\n\n'
      + '该公司称，此次排放的水量约为七千八百吨，与前几次大致相同，监测数据将每天公布。\n\n'
      + '日本政府表示，排放符合国际原子能机构的安全标准，周边海域的监测结果没有发现异常。\n\n'
      + '邻国和部分渔业团体仍然表示担忧，要求提供更多的独立监测数据和长期影响评估报告。');
    const full = fingerprint(zh);
    const cut = fingerprint(zh.slice(0, 2));
    const unrelated = fingerprint(['今天北京天气晴朗，最高气温二十五度，适合户外活动，市民纷纷前往公园散步和野餐。']);
    expect(decide(overlap(exactSample(cut.hashes), exactSample(full.hashes)))).toBe('same-story');
    expect(overlap(exactSample(unrelated.hashes), exactSample(full.hashes)).containment).toBe(0);
  });
});

describe('shared paragraphs', () => {
  it('counts paragraphs found in both, less what 16-bit hashes of two long texts share by chance', () => {
    expect(sharedParagraphs([1, 2, 3], [3, 4, 1])).toBe(2);
    expect(sharedParagraphs([], [1])).toBe(0);
    // 200 × 200 paragraphs: 0.6 coincidences expected, so one shared hash is not evidence.
    const a = Array.from({ length: 200 }, (_, i) => i);
    const b = Array.from({ length: 200 }, (_, i) => 1_000 + i);
    expect(sharedParagraphs(a, [...b.slice(1), 5])).toBe(0);
    expect(sharedParagraphs(a, [...b.slice(3), 5, 6, 7])).toBe(2);
  });

  it('keeps paragraph hashes to PARAGRAPH_BITS bits', () => {
    const { paragraphs } = fingerprint(story);
    expect(paragraphs.length).toBeGreaterThan(3);
    expect(Math.max(...paragraphs)).toBeLessThan(2 ** PARAGRAPH_BITS);
  });
});
