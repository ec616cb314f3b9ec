// @ts-check
/**
 * The extension's icon, drawn from shapes so that it can be rendered at any size: a violet tile,
 * two stacked pages, and a check mark for "already read". scripts/icons.mjs writes the toolbar
 * icons with it, scripts/lib/store-images.ts the store's padded 128 px icon.
 */
import { deflateSync } from 'node:zlib';

/** @typedef {[number, number, number]} Rgb */
/** @type {Rgb} */ const VIOLET = [107, 47, 214];
/** @type {Rgb} */ const PAGE_BACK = [214, 196, 250];
/** @type {Rgb} */ const WHITE = [255, 255, 255];
/** @type {Rgb} */ const INK = [107, 47, 214];

/** The artwork lives on a 128-unit canvas; its tile spans units 4 to 124. */
const UNITS = 128;
const TILE = 120;

/** Signed-distance shapes on the 128-unit canvas, painted in order. */
const SHAPES = [
  { color: VIOLET, inside: (/** @type {number} */ x, /** @type {number} */ y) => roundRect(x, y, 64, 64, 60, 60, 26) },
  { color: PAGE_BACK, inside: (/** @type {number} */ x, /** @type {number} */ y) => roundRect(x, y, 56, 54, 30, 36, 7) },
  { color: WHITE, inside: (/** @type {number} */ x, /** @type {number} */ y) => roundRect(x, y, 70, 72, 32, 38, 7) },
  { color: INK, inside: (/** @type {number} */ x, /** @type {number} */ y) => Math.min(segment(x, y, 52, 74, 64, 86), segment(x, y, 64, 86, 88, 58)) - 6 },
];

/**
 * @param {number} x @param {number} y @param {number} cx @param {number} cy
 * @param {number} hw @param {number} hh @param {number} r
 */
function roundRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/**
 * @param {number} x @param {number} y @param {number} ax @param {number} ay
 * @param {number} bx @param {number} by
 */
function segment(x, y, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay));
}

/**
 * The icon as a PNG of `size` × `size` pixels whose tile is `tile` pixels wide, centred, with
 * transparent margins. By default the tile keeps the artwork's own proportion (120 of 128), as
 * the toolbar icons have it; the store wants 96 of 128.
 * @param {number} size
 * @param {number} [tile]
 * @returns {Buffer}
 */
export function renderIcon(size, tile = (size * TILE) / UNITS) {
  const unitsPerPixel = TILE / tile;
  // Where pixel 0 falls on the 128-unit canvas: the tile's first unit, less the margin.
  const origin = (UNITS - TILE) / 2 - ((size - tile) / 2) * unitsPerPixel;
  return encodePng(size, size, paint(size, (p) => origin + p * unitsPerPixel));
}

/**
 * RGBA pixels, 4 × 4 samples each for smooth edges.
 * @param {number} size
 * @param {(pixel: number) => number} toUnits  a pixel coordinate (with its fraction) to canvas units
 */
function paint(size, toUnits) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const color = colorAt(toUnits(px + (sx + 0.5) / samples), toUnits(py + (sy + 0.5) / samples));
          if (color) { r += color[0]; g += color[1]; b += color[2]; a += 1; }
        }
      }
      const o = (py * size + px) * 4;
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return rgba;
}

/** @param {number} x @param {number} y @returns {Rgb | null} the topmost shape's colour there */
function colorAt(x, y) {
  let color = null;
  for (const shape of SHAPES) if (shape.inside(x, y) <= 0) color = shape.color;
  return color;
}

/**
 * An 8-bit RGBA PNG (colour type 6), every row unfiltered.
 * @param {number} width @param {number} height @param {Buffer} rgba
 */
export function encodePng(width, height, rgba) {
  const stride = width * 4;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** @param {Buffer} bytes */
function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
