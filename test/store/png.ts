/**
 * Just enough of a PNG reader to check the store's images: the header (IHDR) and, for 8-bit
 * images without interlacing (what Chromium and scripts/lib/icon-art.mjs write), the pixels.
 */
import { crc32, inflateSync } from 'node:zlib';

export interface Png {
  width: number;
  height: number;
  bitDepth: number;
  /** 2: RGB, no alpha channel; 6: RGBA. */
  colorType: number;
  interlace: number;
  /** The image data: every IDAT chunk's content, in order. */
  data: Buffer;
}

export const RGB = 2;
export const RGBA = 6;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bytes per pixel at 8 bits a channel, by colour type. */
const BYTES_PER_PIXEL: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function readPng(bytes: Buffer): Png {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: wrong signature');
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const body = bytes.subarray(at + 4, at + 8 + length);
    if (crc32(body) !== bytes.readUInt32BE(at + 8 + length)) throw new Error(`damaged PNG: bad CRC in chunk at byte ${at}`);
    chunks.push({ type: body.toString('latin1', 0, 4), data: body.subarray(4) });
    at += 12 + length;
  }
  const header = chunks[0];
  // The PNG specification puts IHDR first: width, height (4 bytes each), bit depth, colour type,
  // compression, filter method, interlace (1 byte each).
  if (header?.type !== 'IHDR' || header.data.length !== 13) throw new Error('damaged PNG: IHDR is not the first chunk');
  return {
    width: header.data.readUInt32BE(0),
    height: header.data.readUInt32BE(4),
    bitDepth: header.data[8]!,
    colorType: header.data[9]!,
    interlace: header.data[12]!,
    data: Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)),
  };
}

/** The pixels, row after row, each channel one byte. */
export function decodePixels(png: Png): Buffer {
  const bpp = BYTES_PER_PIXEL[png.colorType];
  if (png.bitDepth !== 8 || png.interlace !== 0 || !bpp) throw new Error('only 8-bit, non-interlaced PNGs are read here');
  const stride = png.width * bpp;
  const raw = inflateSync(png.data);
  if (raw.length !== png.height * (stride + 1)) throw new Error(`the image data holds ${raw.length} bytes, not ${png.height * (stride + 1)}`);
  const out = Buffer.alloc(png.height * stride);
  for (let y = 0; y < png.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const at = y * stride + x;
      const left = x >= bpp ? out[at - bpp]! : 0;
      const up = y > 0 ? out[at - stride]! : 0;
      const upLeft = x >= bpp && y > 0 ? out[at - stride - bpp]! : 0;
      out[at] = (raw[row + x]! + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

/** The byte a row's filter adds back (PNG filter types 0 to 4). */
function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0: return 0;
    case 1: return left;
    case 2: return up;
    case 3: return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default: throw new Error(`unknown PNG row filter ${filter}`);
  }
}
