import { describe, expect, it } from 'vitest';
import {
  CV_TYPES,
  type CvKind,
  cvFilename,
  isEmptyPayload,
  isViewableInline,
  MAX_FILENAME_BYTES,
  MAX_FILENAME_CHARS,
  sniffCv,
} from '@/utils/cv/sniff';
import { buildDoc, buildDocx, buildPdf, buildRtf, buildZip, cvAnswerFor } from '../mock-linkup/cv';

const bytes = (...parts: (string | number[] | Uint8Array)[]): Uint8Array => {
  const chunks = parts.map((p) =>
    typeof p === 'string' ? new Uint8Array([...p].map((c) => c.charCodeAt(0))) : Uint8Array.from(p),
  );
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

const ODT = buildZip([
  { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text') },
  { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
]);
const IMAGES_ZIP = buildZip([{ name: 'photo.jpg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) }]);
/** A DOCX whose first entries are big non-Word parts (a thumbnail), as some generators write. */
const DOCX_THUMBNAIL_FIRST = buildZip([
  { name: 'docProps/thumbnail.jpeg', data: Buffer.alloc(70_000, 0xab) },
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
]);
const DOCX = buildDocx('Zoë Ångström');

describe('sniffCv', () => {
  it.each<[string, CvKind, Uint8Array]>([
    ['a real PDF', 'pdf', buildPdf('Zoë Ångström')],
    ['a PDF 1.7 header', 'pdf', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj')],
    ['just %PDF', 'pdf', bytes('%PDF')],
    [
      'a PDF after junk bytes (allowed in the first 1024)',
      'pdf',
      bytes([0, 0, 13, 10], '%PDF-1.4\n'),
    ],
    ['a real DOCX', 'docx', DOCX],
    ['a DOCX with a big thumbnail first', 'docx', new Uint8Array(DOCX_THUMBNAIL_FIRST)],
    ['a zip signature only (unreadable: still docx)', 'docx', bytes([0x50, 0x4b, 0x03, 0x04])],
    ['a truncated DOCX (no central directory)', 'docx', DOCX.subarray(0, 200)],
    ['an ODT (zip without word/)', 'unknown', new Uint8Array(ODT)],
    ['a zip of images', 'unknown', new Uint8Array(IMAGES_ZIP)],
    ['a legacy Word file (OLE2)', 'doc', buildDoc('Zoë')],
    ['an OLE2 signature only', 'doc', bytes([0xd0, 0xcf, 0x11, 0xe0])],
    ['an RTF', 'rtf', bytes(buildRtf('Zoë'))],
    ['an RTF with a UTF-8 BOM', 'rtf', bytes([0xef, 0xbb, 0xbf], '{\\rtf1\\ansi hello}')],
    ['empty', 'unknown', new Uint8Array(0)],
    ['one byte', 'unknown', bytes('%')],
    ['three bytes of PDF', 'unknown', bytes('%PD')],
    ['three bytes of zip', 'unknown', bytes([0x50, 0x4b, 0x03])],
    [
      'a zip end-of-archive record (empty zip), not a local header',
      'unknown',
      bytes([0x50, 0x4b, 0x05, 0x06]),
    ],
    ['plain text', 'unknown', bytes('Curriculum vitae of Ada Lovelace')],
    ['HTML', 'unknown', bytes('<!DOCTYPE html><script>alert(1)</script>')],
    ['SVG', 'unknown', bytes('<svg onload="x()"></svg>')],
    ['a PNG', 'unknown', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['%PDF- after the first 1024 bytes', 'unknown', bytes(new Array(1030).fill(0x20), '%PDF-1.4')],
    ['{rtf without the backslash', 'unknown', bytes('{rtf1}')],
  ])('%s -> %s', (_label, kind, input) => {
    expect(sniffCv(input)).toBe(kind);
  });

  it('reads a view into a larger buffer at its own offset', () => {
    const big = bytes('garbage!', '%PDF-1.4');
    expect(sniffCv(big.subarray(8))).toBe('pdf');
    const zip = new Uint8Array(DOCX.length + 16);
    zip.set(DOCX, 16);
    expect(sniffCv(zip.subarray(16))).toBe('docx');
  });

  it.each([
    [0, 'pdf'],
    [1, 'docx'],
  ] as const)('ignores what the API claims (mock applicant %i)', (index, kind) => {
    const record = { full_name: 'Zoë Ångström' } as never;
    const { data } = cvAnswerFor(record, '19205269753', index);
    expect(data.cv?.content_type).toBe('application/pdf');
    expect(sniffCv(fromBase64(data.cv?.content ?? ''))).toBe(kind);
  });

  it.each<[string, string, string, CvKind]>([
    ['a DOCX sent as a PDF', 'application/pdf', 'resume.pdf', 'docx'],
    ['a DOC sent as octet-stream', 'application/octet-stream', 'CV', 'doc'],
    ['an RTF sent as text named .doc', 'text/plain', 'cv.doc', 'rtf'],
  ])('%s is what its bytes say', (_label, _type, _name, kind) => {
    const file = { docx: DOCX, doc: buildDoc('x'), rtf: bytes(buildRtf('x')) }[
      kind as 'docx' | 'doc' | 'rtf'
    ];
    expect(sniffCv(file)).toBe(kind);
  });
});

describe('CV_TYPES and isViewableInline', () => {
  it.each<[CvKind, string, string, boolean]>([
    ['pdf', 'application/pdf', 'pdf', true],
    [
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'docx',
      false,
    ],
    ['doc', 'application/msword', 'doc', false],
    ['rtf', 'application/rtf', 'rtf', false],
    ['unknown', 'application/octet-stream', 'bin', false],
  ])('%s: %s, .%s, inline %s', (kind, mime, ext, inline) => {
    expect(CV_TYPES[kind]).toMatchObject({ mime, ext });
    expect(CV_TYPES[kind].label).not.toBe('');
    expect(isViewableInline(kind)).toBe(inline);
  });
});

describe('isEmptyPayload', () => {
  it.each<[string, boolean, Uint8Array]>([
    ['no bytes', true, new Uint8Array(0)],
    ['NULs', true, new Uint8Array(64)],
    ['whitespace', true, bytes(' \r\n\t ')],
    ['one letter', false, bytes('   x')],
    ['a PDF', false, bytes('%PDF-1.4')],
  ])('%s -> %s', (_label, empty, input) => {
    expect(isEmptyPayload(input)).toBe(empty);
  });
});

describe('cvFilename', () => {
  it.each<[string, string, string, CvKind, string]>([
    [
      'non-ASCII letters',
      'Zoë Ångström',
      '19205269753',
      'pdf',
      'CV - Zoë Ångström - 19205269753.pdf',
    ],
    ['decomposed accents are composed', 'Zoe\u0308', '1', 'pdf', 'CV - Zoë - 1.pdf'],
    ['other scripts', '王小明', '42', 'docx', 'CV - 王小明 - 42.docx'],
    ['right-to-left names', 'محمد علي', '42', 'doc', 'CV - محمد علي - 42.doc'],
    ['Cyrillic and an apostrophe', "Анна O'Brien", '7', 'rtf', "CV - Анна O'Brien - 7.rtf"],
    ['slashes', 'AC/DC\\Back', '1', 'pdf', 'CV - AC DC Back - 1.pdf'],
    ['a path', '../../etc/passwd', '1', 'pdf', 'CV - etc passwd - 1.pdf'],
    [
      'quotes and reserved characters',
      'Jean "Johnny" <Doe>: a|b?*',
      '1',
      'pdf',
      'CV - Jean Johnny Doe a b - 1.pdf',
    ],
    [
      'control characters',
      'Ada\nLovelace\t\u0000\u0007!',
      '1',
      'pdf',
      'CV - Ada Lovelace ! - 1.pdf',
    ],
    [
      'a bidi override faking an extension',
      'Eve\u202Efdp.exe',
      '1',
      'pdf',
      'CV - Evefdp.exe - 1.pdf',
    ],
    ['zero-width characters', 'Bo\u200Bb', '1', 'pdf', 'CV - Bob - 1.pdf'],
    ['a lone surrogate', 'Ann\uD800e', '1', 'pdf', 'CV - Anne - 1.pdf'],
    ['emoji', 'Sam 🚀', '1', 'pdf', 'CV - Sam 🚀 - 1.pdf'],
    [
      'runs of whitespace',
      '  Grace \u00A0\u2003 Hopper  ',
      '1',
      'pdf',
      'CV - Grace Hopper - 1.pdf',
    ],
    ['leading and trailing dots', '...Hidden.', '1', 'pdf', 'CV - Hidden - 1.pdf'],
    ['an empty name', '', '19205269753', 'pdf', 'CV - 19205269753.pdf'],
    ['a blank name', ' \n\t ', '19205269753', 'docx', 'CV - 19205269753.docx'],
    ['a name of reserved characters only', '/\\:*?"<>|', '5', 'rtf', 'CV - 5.rtf'],
    ['an unknown type', 'Ada', '1', 'unknown', 'CV - Ada - 1.bin'],
    ['an odd application ID', 'Ada', '12/../34', 'pdf', 'CV - Ada - 1234.pdf'],
    ['no name, no ID', '', '', 'pdf', 'CV.pdf'],
  ])('%s', (_label, name, id, kind, expected) => {
    expect(cvFilename(name, id, kind)).toBe(expected);
  });

  it.each([
    ['a very long Latin name', 'Maximilian '.repeat(40)],
    ['a very long name without spaces', 'x'.repeat(500)],
    ['a very long CJK name (3 bytes a character)', '王'.repeat(300)],
    ['a very long emoji name (4 bytes, 2 UTF-16 units)', '🚀'.repeat(300)],
  ])('caps %s in characters and bytes and keeps the ID and extension', (_label, name) => {
    const filename = cvFilename(name, '19205269753', 'pdf');
    expect([...filename].length).toBeLessThanOrEqual(MAX_FILENAME_CHARS);
    expect(new TextEncoder().encode(filename).length).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
    expect(filename).toMatch(/^CV - \S.*\S - 19205269753\.pdf$/);
    // No half of a surrogate pair left over: encodeURIComponent throws on one.
    expect(() => encodeURIComponent(filename)).not.toThrow();
    expect(filename).not.toContain('\uFFFD');
  });

  it('never contains a path separator, reserved or control character', () => {
    const nasty = `${String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i))}\\/:*?"<>|\u007F\u202E`;
    const filename = cvFilename(`A${nasty}B`, '1', 'pdf');
    expect(filename).toBe('CV - A B - 1.pdf');
  });
});
