/**
 * `npx tsx store/screenshots.ts [demo-screenshots dir] [out dir]`
 *
 * Turns the screenshots `npm run demo` made (panel 400×800, options 1000×800) into store
 * screenshots: each is centred on a 1280×800 canvas (the size the Chrome Web Store requires,
 * and AMO's recommended one) and written as a 24-bit PNG without alpha, which the Chrome Web
 * Store asks for. Default: demo-screenshots/ -> .output/store-screenshots/.
 *
 * Node built-ins only: PNG decoding (8-bit RGB/RGBA, not interlaced: what browsers' screenshots
 * are) and encoding with zlib.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync, inflateSync } from 'node:zlib';

export const STORE_WIDTH = 1280;
export const STORE_HEIGHT = 800;
/** A light grey-blue behind the shots, close to the panel's own page colour. */
const BACKGROUND = [232, 238, 247] as const;

/** The order and captions of the store screenshots (demo file -> caption). */
export const STORE_SHOTS: Record<string, string> = {
  'panel-pulled.png':
    'Every applicant of your job, pulled through Linkup, in a panel beside LinkedIn',
  'panel-pulling.png': 'Pulls page by page, with progress and Cancel',
  'panel-search.png': 'Search by name, headline, location, company or title',
  'panel-detail.png': 'Experience, rating, your decision and notes for each applicant',
  'panel-jobs.png': 'Every job pulled before stays reviewable, also offline',
  'options-test-connection.png': 'Your own Linkup key, checked before you save it',
};

interface Image {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, row after row. */
  rgb: Buffer;
}

export function decodePng(file: Buffer): Image {
  if (file.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) {
        throw new Error(
          `unsupported PNG (depth ${depth}, colour ${colour}, interlace ${interlace})`,
        );
      }
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (out[x - channels] as number) : 0;
      const b = prev[x] as number;
      const c = x >= channels ? (prev[x - channels] as number) : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[x] = ((line[x] as number) + predictor) & 0xff;
    }
  }
  if (channels === 3) return { width, height, rgb: pixels };
  // Flatten alpha onto the background.
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const alpha = (pixels[i * 4 + 3] as number) / 255;
    for (let k = 0; k < 3; k++) {
      rgb[i * 3 + k] = Math.round(
        (pixels[i * 4 + k] as number) * alpha + (BACKGROUND[k] as number) * (1 - alpha),
      );
    }
  }
  return { width, height, rgb };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A 24-bit RGB PNG (no alpha channel). */
export function encodePng({ width, height, rgb }: Image): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The shot centred on a STORE_WIDTH × STORE_HEIGHT canvas. */
export function toStoreSize(shot: Image): Image {
  if (shot.width > STORE_WIDTH || shot.height > STORE_HEIGHT) {
    throw new Error(`${shot.width}×${shot.height} is larger than ${STORE_WIDTH}×${STORE_HEIGHT}`);
  }
  const rgb = Buffer.alloc(STORE_WIDTH * STORE_HEIGHT * 3);
  for (let i = 0; i < STORE_WIDTH * STORE_HEIGHT; i++) rgb.set(BACKGROUND, i * 3);
  const left = Math.floor((STORE_WIDTH - shot.width) / 2);
  const top = Math.floor((STORE_HEIGHT - shot.height) / 2);
  for (let y = 0; y < shot.height; y++) {
    shot.rgb.copy(
      rgb,
      ((top + y) * STORE_WIDTH + left) * 3,
      y * shot.width * 3,
      (y + 1) * shot.width * 3,
    );
  }
  return { width: STORE_WIDTH, height: STORE_HEIGHT, rgb };
}

function main(): number {
  const root = resolve(import.meta.dirname, '..');
  const from = resolve(process.argv[2] ?? join(root, 'demo-screenshots'));
  const to = resolve(process.argv[3] ?? join(root, '.output', 'store-screenshots'));
  const present = new Set(readdirSync(from));
  const missing = Object.keys(STORE_SHOTS).filter((f) => !present.has(f));
  mkdirSync(to, { recursive: true });
  let n = 0;
  for (const name of Object.keys(STORE_SHOTS)) {
    if (!present.has(name)) continue;
    n++;
    const out = join(to, `${String(n).padStart(2, '0')}-${name}`);
    writeFileSync(out, encodePng(toStoreSize(decodePng(readFileSync(join(from, name))))));
    process.stdout.write(`${out}  (${STORE_SHOTS[name]})\n`);
  }
  if (missing.length) console.warn(`not made by the demo this time: ${missing.join(', ')}`);
  return n > 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(main());
}
