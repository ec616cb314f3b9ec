import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePixels, readPng, RGB } from './png.ts';

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG from rows already filtered by hand (each row: its filter byte, then its bytes). */
function png(width: number, height: number, colorType: number, rows: number[][]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colorType], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from(rows.flat()))), chunk('IEND', Buffer.alloc(0))]);
}

// Two RGB pixels a row, one row for each filter that predicts (Sub, Up, Average, Paeth), worked
// out by hand; the Paeth row's second pixel takes left, up and upper-left in its three channels.
const PIXELS = [
  [10, 20, 30, 15, 25, 35],
  [12, 22, 32, 15, 25, 35],
  [20, 30, 11, 30, 40, 12],
  [200, 30, 10, 0, 255, 40],
];
const FILTERED = [
  [1, 10, 20, 30, 5, 5, 5],
  [2, 2, 2, 2, 0, 0, 0],
  [3, 14, 19, 251, 13, 13, 245],
  [4, 180, 0, 255, 56, 215, 29],
];

describe('the PNG reader of the store image tests', () => {
  it('reads the header', () => {
    expect(readPng(png(2, 4, RGB, FILTERED))).toMatchObject({ width: 2, height: 4, bitDepth: 8, colorType: RGB, interlace: 0 });
  });

  it('undoes every row filter', () => {
    expect([...decodePixels(readPng(png(2, 4, RGB, FILTERED)))]).toEqual(PIXELS.flat());
  });

  it('refuses image data that does not fill the image', () => {
    expect(() => decodePixels(readPng(png(2, 5, RGB, FILTERED)))).toThrow(/holds 28 bytes, not 35/);
  });

  it('refuses a damaged chunk', () => {
    const bytes = png(2, 4, RGB, FILTERED);
    bytes[20] = bytes[20]! ^ 1; // a byte of the header's height
    expect(() => readPng(bytes)).toThrow(/bad CRC/);
  });

  it('refuses what is not a PNG', () => {
    expect(() => readPng(Buffer.from('GIF89a'))).toThrow(/not a PNG/);
  });
});
