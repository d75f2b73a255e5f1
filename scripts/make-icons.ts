/**
 * Draws the toolbar and store icons into public/icon/<size>.png, where WXT picks them up.
 * Run with `npx tsx scripts/make-icons.ts` after changing the drawing; the PNGs are committed.
 *
 * The icon is a blue rounded square with a white applicant (head and shoulders) beside a short
 * list: "the applicants of this job, in a panel". It is drawn from shapes in a unit square,
 * supersampled for smooth edges, and encoded with node's zlib alone, so no image tool or
 * dependency is needed and every size stays sharp.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

export const SIZES = [16, 32, 48, 96, 128] as const;

type Rgba = [number, number, number, number];

/** Blue, distinct from LinkedIn's own (#0a66c2) so the icon never passes for theirs. */
const TOP: Rgba = [59, 130, 246, 255];
const BOTTOM: Rgba = [29, 78, 216, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const SAMPLES = 5;

/** Inside a rounded rectangle (x0, y0)-(x1, y1) with corner radius r. */
function inRoundRect(
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
) {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
}

function inCircle(x: number, y: number, cx: number, cy: number, r: number) {
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The glyph; small sizes drop the list, which would blur into one block at 16 px. */
function inGlyph(x: number, y: number, size: number) {
  const list = size >= 32;
  const cx = list ? 0.37 : 0.5;
  const head = inCircle(x, y, cx, 0.37, list ? 0.125 : 0.15);
  // Shoulders: the top of an ellipse, cut flat where the square's padding starts.
  const rx = list ? 0.215 : 0.26;
  const shoulders = y <= 0.78 && ((x - cx) / rx) ** 2 + ((y - 0.8) / 0.26) ** 2 <= 1;
  if (head || shoulders) return true;
  if (!list) return false;
  const bar = (top: number, right: number) => inRoundRect(x, y, 0.62, top, right, top + 0.08, 0.04);
  return bar(0.3, 0.8) || bar(0.46, 0.8) || bar(0.62, 0.74);
}

function pixel(x: number, y: number, size: number): Rgba {
  let bg = 0;
  let fg = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const u = (x + (sx + 0.5) / SAMPLES) / size;
      const v = (y + (sy + 0.5) / SAMPLES) / size;
      if (!inRoundRect(u, v, 0, 0, 1, 1, 0.22)) continue;
      bg++;
      if (inGlyph(u, v, size)) fg++;
    }
  }
  const n = SAMPLES * SAMPLES;
  if (bg === 0) return [0, 0, 0, 0];
  const t = (y + 0.5) / size;
  const blue = TOP.map((c, i) => c + ((BOTTOM[i] ?? c) - c) * t);
  const f = fg / bg;
  const rgb = blue.slice(0, 3).map((c, i) => Math.round(c + ((WHITE[i] ?? c) - c) * f));
  return [rgb[0] ?? 0, rgb[1] ?? 0, rgb[2] ?? 0, Math.round((255 * bg) / n)];
}

/** Straight (non-premultiplied) RGBA pixels, row by row. */
export function drawIcon(size: number): Uint8Array {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) data.set(pixel(x, y, size), (y * size + x) * 4);
  }
  return data;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** An 8-bit RGBA PNG: signature, IHDR, one IDAT (filter 0 on every row), IEND. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
  mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = join(dir, `${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}
