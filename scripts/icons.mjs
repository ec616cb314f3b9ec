// Draws the toolbar and store icons (icons/icon-{16,32,48,128}.png) from shapes, so they can be
// regenerated at any size: a violet tile, two stacked pages, and a check mark for "already read".
import { writeFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';

const VIOLET = [107, 47, 214];
const PAGE_BACK = [214, 196, 250];
const WHITE = [255, 255, 255];
const INK = [107, 47, 214];

/** Signed-distance shapes on a 128-unit canvas, painted in order. */
const SHAPES = [
  { color: VIOLET, inside: (x, y) => roundRect(x, y, 64, 64, 60, 60, 26) },
  { color: PAGE_BACK, inside: (x, y) => roundRect(x, y, 56, 54, 30, 36, 7) },
  { color: WHITE, inside: (x, y) => roundRect(x, y, 70, 72, 32, 38, 7) },
  { color: INK, inside: (x, y) => Math.min(segment(x, y, 52, 74, 64, 86), segment(x, y, 64, 86, 88, 58)) - 6 },
];

function roundRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(x, y, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay));
}

function render(size) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) * 128) / size;
          const y = ((py + (sy + 0.5) / samples) * 128) / size;
          let color = null;
          for (const shape of SHAPES) if (shape.inside(x, y) <= 0) color = shape.color;
          if (color) { r += color[0]; g += color[1]; b += color[2]; a += 1; }
        }
      }
      const o = (py * size + px) * 4;
      const n = samples * samples;
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round((255 * a) / n);
    }
  }
  return png(size, rgba);
}

function png(size, rgba) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

for (const size of [16, 32, 48, 128]) {
  await writeFile(new URL(`../icons/icon-${size}.png`, import.meta.url), render(size));
}
console.log('wrote icons/icon-{16,32,48,128}.png');
