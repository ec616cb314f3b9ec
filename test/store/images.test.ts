/**
 * The Chrome Web Store's listing images, as `npm run screenshots` writes them to store/images/:
 * the sizes of the store's "Supplying Images" page; screenshots and promo tile without an alpha
 * channel (the developer dashboard asks for "JPEG or 24-bit PNG (no alpha)"); the icon's artwork
 * 96 × 96 inside 16 px of transparent padding, as that page says.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePixels, readPng, RGB, RGBA } from './png.ts';

const FOLDER = new URL('../../store/images/', import.meta.url);
/** Kept small: they live in the repository. */
const MAX_BYTES = 500 * 1024;

const IMAGES: Record<string, { width: number; height: number; colorType: number }> = {
  'screenshot-1-notice.png': { width: 1280, height: 800, colorType: RGB },
  'screenshot-2-popup.png': { width: 1280, height: 800, colorType: RGB },
  'screenshot-3-whats-new.png': { width: 1280, height: 800, colorType: RGB },
  'promo-small.png': { width: 440, height: 280, colorType: RGB },
  'icon-128-store.png': { width: 128, height: 128, colorType: RGBA },
};

const read = (file: string) => readPng(readFileSync(new URL(file, FOLDER)));

describe('store listing images', () => {
  it('are the five the listing uses, and no others', () => {
    expect(readdirSync(FOLDER).sort()).toEqual(Object.keys(IMAGES).sort());
  });

  for (const [file, spec] of Object.entries(IMAGES)) {
    it(`${file} is ${spec.width} × ${spec.height}, 8-bit ${spec.colorType === RGB ? 'RGB without alpha' : 'RGBA'}, whole`, () => {
      const png = read(file);
      expect({ width: png.width, height: png.height, bitDepth: png.bitDepth, colorType: png.colorType }).toEqual({ ...spec, bitDepth: 8 });
      expect(decodePixels(png).length).toBe(spec.width * spec.height * (spec.colorType === RGB ? 3 : 4));
    });

    it(`${file} is under ${MAX_BYTES / 1024} KB`, () => {
      expect(statSync(new URL(file, FOLDER)).size).toBeLessThan(MAX_BYTES);
    });
  }

  it('the icon has 16 px of transparent padding and 96 × 96 of artwork', () => {
    const pixels = decodePixels(read('icon-128-store.png'));
    const alpha = (x: number, y: number) => pixels[(y * 128 + x) * 4 + 3];
    const inPadding = (x: number, y: number) => x < 16 || x >= 112 || y < 16 || y >= 112;
    const visible: string[] = [];
    for (let y = 0; y < 128; y++) for (let x = 0; x < 128; x++) if (inPadding(x, y) && alpha(x, y) !== 0) visible.push(`${x},${y}`);
    expect(visible).toEqual([]);
    // The tile's corners are rounded, its sides straight: the middle of each side reaches the box.
    expect([alpha(64, 16), alpha(16, 64), alpha(64, 111), alpha(111, 64)]).toEqual([255, 255, 255, 255]);
  });
});
