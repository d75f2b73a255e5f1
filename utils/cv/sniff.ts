/**
 * What a CV really is, from its first bytes: Linkup's `content_type` and `filename` are
 * sometimes wrong (a DOCX sent as `application/pdf` named `resume.pdf`). Also the file name a
 * stored CV is saved under. Pure and schema-free: the panel imports it.
 */

export type CvKind = 'pdf' | 'docx' | 'doc' | 'rtf' | 'unknown';

export interface CvType {
  mime: string;
  /** Without the dot. */
  ext: string;
  /** For people: "PDF", "Word document". */
  label: string;
}

export const CV_TYPES: Readonly<Record<CvKind, Readonly<CvType>>> = {
  pdf: { mime: 'application/pdf', ext: 'pdf', label: 'PDF' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    label: 'Word document',
  },
  doc: { mime: 'application/msword', ext: 'doc', label: 'Word 97–2003 document' },
  rtf: { mime: 'application/rtf', ext: 'rtf', label: 'Rich Text document' },
  // Never shown inline (it may be HTML or SVG with scripts): offered as a download only.
  unknown: { mime: 'application/octet-stream', ext: 'bin', label: 'File of unknown type' },
};

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04] as const;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0] as const;
/** `%PDF` */
const PDF = [0x25, 0x50, 0x44, 0x46] as const;
/** `%PDF-`, which readers accept anywhere in the first 1024 bytes (after junk some tools add). */
const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d] as const;
const PDF_HEADER_WINDOW = 1024;
/** `{\rtf` */
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66] as const;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** The CV's real type from its magic bytes; `unknown` for anything else, empty or too short. */
export function sniffCv(bytes: Uint8Array): CvKind {
  if (startsWith(bytes, PDF, 0)) return 'pdf';
  if (startsWith(bytes, ZIP_LOCAL, 0)) return isZipWithoutWord(bytes) ? 'unknown' : 'docx';
  if (startsWith(bytes, OLE2, 0)) return 'doc';
  if (startsWith(bytes, RTF, 0)) return 'rtf';
  if (startsWith(bytes, UTF8_BOM, 0) && startsWith(bytes, RTF, UTF8_BOM.length)) return 'rtf';
  if (indexOf(bytes, PDF_HEADER, 0, PDF_HEADER_WINDOW) !== -1) return 'pdf';
  return 'unknown';
}

/** Only PDFs are shown inside the extension; everything else is a download. */
export function isViewableInline(kind: CvKind): boolean {
  return kind === 'pdf';
}

/**
 * Nothing worth storing: no bytes at all, or only NULs and whitespace (a payload that decoded
 * but holds no document).
 */
export function isEmptyPayload(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x00 && byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) {
      return false;
    }
  }
  return true;
}

/**
 * True only when the zip's central directory could be read and none of its entries is under
 * `word/` (an ODT, a zip of images...). A zip that cannot be read stays a DOCX: the API says
 * CVs are documents, and a wrong "unknown" would hide a real CV behind a `.bin` download.
 */
function isZipWithoutWord(bytes: Uint8Array): boolean {
  const names = zipEntryNames(bytes);
  if (names === null) return false;
  return !names.some((name) => name.startsWith('word/'));
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;
const MAX_ENTRIES_READ = 5000;

/** The entry names of the zip's central directory, or null when it cannot be read. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - EOCD_MIN_SIZE - MAX_ZIP_COMMENT);
  let eocd = -1;
  for (let at = bytes.length - EOCD_MIN_SIZE; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) return null;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 archives mark these as 0xFFFF / 0xFFFFFFFF; a CV never needs one.
  if (offset + size > eocd || count === 0xffff) return null;

  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let at = offset;
  for (let i = 0; i < Math.min(count, MAX_ENTRIES_READ); i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > eocd) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at: number): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((byte, i) => bytes[at + i] === byte);
}

function indexOf(bytes: Uint8Array, needle: readonly number[], from: number, to: number): number {
  const last = Math.min(bytes.length, to) - needle.length;
  for (let at = from; at <= last; at++) {
    if (startsWith(bytes, needle, at)) return at;
  }
  return -1;
}

/** Longest file name built, in characters and in UTF-8 bytes (file systems count bytes). */
export const MAX_FILENAME_CHARS = 120;
export const MAX_FILENAME_BYTES = 240;

/**
 * `CV - Zoë Ångström - 19205269753.pdf`: the candidate's name with every letter of any script
 * kept, and what no file system or download accepts taken out (path separators, reserved
 * characters, control and bidi-override characters, lone surrogates, leading dots). Without a
 * usable name: `CV - 19205269753.pdf`.
 */
export function cvFilename(fullName: string, applicationId: string, kind: CvKind): string {
  const ext = `.${CV_TYPES[kind].ext}`;
  const id = applicationId.replace(/[^A-Za-z0-9_-]+/g, '').slice(0, 40);
  const tail = id ? ` - ${id}` : '';
  const name = cleanName(fullName);
  if (!name) return id ? `CV - ${id}${ext}` : `CV${ext}`;
  const fixed = `CV - ${tail}${ext}`;
  const room = {
    chars: MAX_FILENAME_CHARS - [...fixed].length,
    bytes: MAX_FILENAME_BYTES - utf8Length(fixed),
  };
  const cut = cutName(name, room.chars, room.bytes);
  if (!cut) return id ? `CV - ${id}${ext}` : `CV${ext}`;
  return `CV - ${cut}${tail}${ext}`;
}

function cleanName(value: string): string {
  return (
    value
      .normalize('NFC')
      // Lone surrogates cannot be encoded in a file name.
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      // Reserved on Windows or a path separator: a space keeps "AC/DC" two words.
      .replace(/[\\/:*?"<>|]/g, ' ')
      // Control characters become spaces (a newline between names); format characters (bidi
      // overrides that could fake an extension, zero-width spaces, soft hyphens) go.
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\p{Cf}/gu, '')
      .replace(/\s+/gu, ' ')
      .trim()
      // Leading dots hide a file; trailing dots and spaces are dropped by Windows.
      .replace(/^[.\s]+|[.\s]+$/g, '')
  );
}

/** The longest prefix (in whole code points) within both limits, without a dangling end. */
function cutName(name: string, maxChars: number, maxBytes: number): string {
  let out = '';
  let chars = 0;
  let bytes = 0;
  for (const ch of name) {
    const size = utf8Length(ch);
    if (chars + 1 > maxChars || bytes + size > maxBytes) break;
    out += ch;
    chars += 1;
    bytes += size;
  }
  if (out.length === name.length) return out;
  // Cut mid-name: do not end on a space, a dot or a dash.
  return out.replace(/[\s.\-–—]+$/u, '');
}

function utf8Length(value: string): number {
  return new TextEncoder().encode(value).length;
}
