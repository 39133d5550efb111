import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 48;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A small profile picture (48×48 RGB PNG): a light silhouette on a background colour derived from
 * `seed`, so every customer's avatar differs and the same seed always gives the same bytes.
 */
export function renderAvatarPng(seed: string): Buffer {
  const digest = createHash('sha256').update(seed).digest();
  const background = [digest[0], digest[1], digest[2]].map((value) => 40 + (value % 140));
  const figure = background.map((value) => Math.min(255, value + 90));

  // Each scanline starts with its filter type (0: none).
  const raw = Buffer.alloc(SIZE * (1 + SIZE * 3));
  for (let y = 0; y < SIZE; y += 1) {
    const row = y * (1 + SIZE * 3);
    for (let x = 0; x < SIZE; x += 1) {
      const colour = isFigure(x, y) ? figure : background;
      raw.set(colour, row + 1 + x * 3);
    }
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour RGB
  // Compression, filter and interlace methods stay 0.
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A head (circle) over shoulders (half ellipse). */
function isFigure(x: number, y: number): boolean {
  const head = (x - 24) ** 2 + (y - 18) ** 2 <= 9 ** 2;
  const shoulders = y >= 32 && ((x - 24) / 17) ** 2 + ((y - 48) / 15) ** 2 <= 1;
  return head || shoulders;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}
