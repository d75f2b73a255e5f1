/**
 * Tiny but real CV files for the mock's `get_cv` action, chosen deterministically per
 * application ID. The API's `content_type` and `filename` are sometimes wrong, so several kinds
 * deliberately lie about themselves: clients must sniff the magic bytes.
 */
import {
  displayNameOf,
  hashString,
  MOCK_JOBS,
  type MockCandidateRecord,
  XSS_PAYLOADS,
} from './data';

export type CvKind =
  /** A valid one-page PDF (`%PDF-1.4`), honest content type. */
  | 'pdf'
  /** A minimal valid DOCX (`PK\x03\x04`) that claims to be `application/pdf` / `resume.pdf`. */
  | 'docx-as-pdf'
  /** The same DOCX with its honest content type. */
  | 'docx'
  /** An OLE2 header (`\xD0\xCF\x11\xE0`), legacy Word, sent as `application/octet-stream`. */
  | 'doc'
  /** An RTF document (`{\rtf`) that claims to be `text/plain` named `cv.doc`. */
  | 'rtf'
  /** No CV on file, answered as `data: {cv: null}`. */
  | 'none-null'
  /** No CV on file, answered as a `cv` object with empty content. */
  | 'none-empty'
  /** XSS job only: an HTML page claiming `text/html`, with a script. */
  | 'html'
  /** XSS job only: an SVG with an onload handler. */
  | 'svg';

export interface MockCv {
  content: string;
  content_type: string;
  filename: string;
}

export const PDF_MAGIC = '%PDF-1.4';
export const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
export const RTF_MAGIC = '{\\rtf';

/**
 * Which CV an application has. The first three applicants of a job are pinned (pdf, docx-as-pdf,
 * none) so tests can rely on them; the rest spread by a hash of the application ID.
 */
export function cvKindFor(applicationId: string, index?: number, jobId?: string): CvKind {
  if (jobId === MOCK_JOBS.xss.jobId) {
    return (['html', 'svg', 'pdf', 'docx-as-pdf', 'pdf'] as const)[(index ?? 0) % 5] ?? 'pdf';
  }
  if (index === 0) return 'pdf';
  if (index === 1) return 'docx-as-pdf';
  if (index === 2) return 'none-null';
  const h = hashString(`cv:${applicationId}`) % 100;
  if (h < 58) return 'pdf';
  if (h < 68) return 'docx-as-pdf';
  if (h < 72) return 'docx';
  if (h < 76) return 'doc';
  if (h < 80) return 'rtf';
  if (h < 91) return 'none-null';
  return 'none-empty';
}

/** The `data` of a `get_cv` answer for this applicant, and whether a file was returned. */
export function cvAnswerFor(
  record: MockCandidateRecord,
  applicationId: string,
  index?: number,
  jobId?: string,
): { data: { cv: MockCv | null }; hasFile: boolean } {
  const kind = cvKindFor(applicationId, index, jobId);
  const name = displayNameOf(record);
  const base = fileBase(name);
  switch (kind) {
    case 'none-null':
      return { data: { cv: null }, hasFile: false };
    case 'none-empty':
      return { data: { cv: { content: '', content_type: '', filename: '' } }, hasFile: false };
    case 'pdf':
      return file(
        buildPdf(name),
        'application/pdf',
        jobId === MOCK_JOBS.xss.jobId ? `${XSS_PAYLOADS[2]}.pdf` : `${base}_CV.pdf`,
      );
    case 'docx-as-pdf':
      return file(buildDocx(name), 'application/pdf', 'resume.pdf');
    case 'docx':
      return file(
        buildDocx(name),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        `${base}.docx`,
      );
    case 'doc':
      return file(buildDoc(name), 'application/octet-stream', 'CV');
    case 'rtf':
      return file(Buffer.from(buildRtf(name), 'latin1'), 'text/plain', 'cv.doc');
    case 'html':
      return file(
        Buffer.from(`<!DOCTYPE html><html><body><h1>${name}</h1>${XSS_PAYLOADS[1]}</body></html>`),
        'text/html',
        `${XSS_PAYLOADS[0]}.html`,
      );
    case 'svg':
      return file(
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>window.__xss=1</script></svg>',
        ),
        'image/svg+xml',
        'cv.svg',
      );
  }
}

function file(
  bytes: Buffer,
  contentType: string,
  filename: string,
): { data: { cv: MockCv }; hasFile: true } {
  return {
    data: { cv: { content: bytes.toString('base64'), content_type: contentType, filename } },
    hasFile: true,
  };
}

function fileBase(name: string): string {
  const base = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\s]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return base || 'CV';
}

/** Latin-1-safe text for a PDF string literal: accents folded, other scripts as '?'. */
function pdfText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/[\\()]/g, (c) => `\\${c}`);
}

function utf16beHex(s: string): string {
  let out = 'FEFF';
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, '0');
  return out.toUpperCase();
}

/**
 * A minimal valid one-page PDF with a correct xref table. The name appears in the page text
 * (ASCII-folded), in the document title (UTF-16BE) and, verbatim in UTF-8, in a comment.
 */
export function buildPdf(name: string): Buffer {
  const safeComment = name.replace(/[\r\n]/g, ' ');
  const stream = [
    'BT',
    '/F1 20 Tf',
    '72 720 Td',
    `(${pdfText(name)}) Tj`,
    '/F1 12 Tf',
    '0 -28 Td',
    '(Curriculum Vitae - generated by the Applicant Panel mock of the Linkup API) Tj',
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Title <${utf16beHex(name)}> /Producer (applicant-panel mock-linkup) >>`,
  ];
  const parts: Buffer[] = [
    Buffer.from('%PDF-1.4\n', 'latin1'),
    Buffer.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
    Buffer.from(`% Candidate: ${safeComment}\n`, 'utf8'),
  ];
  let offset = parts.reduce((n, b) => n + b.length, 0);
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    offsets.push(offset);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A stored (uncompressed) zip archive. */
export function buildZip(entries: readonly { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 2025-10-15 12:00, MS-DOS format.
  const dosTime = (12 << 11) | (0 << 5) | 0;
  const dosDate = ((2025 - 1980) << 9) | (10 << 5) | 15;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk, internal and external attributes stay 0
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

function xmlEscape(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

/** A minimal valid DOCX (opens in Word and LibreOffice) whose body is the applicant's name. */
export function buildDocx(name: string): Buffer {
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '</Types>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
    '</Relationships>';
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    `<w:p><w:r><w:t>${xmlEscape(name)}</w:t></w:r></w:p>` +
    '<w:p><w:r><w:t>Curriculum Vitae</w:t></w:r></w:p>' +
    '</w:body></w:document>';
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes, 'utf8') },
    { name: '_rels/.rels', data: Buffer.from(rels, 'utf8') },
    { name: 'word/document.xml', data: Buffer.from(document, 'utf8') },
  ]);
}

/** Not a usable Word 97 file: only the OLE2 signature and header size, then the name. */
export function buildDoc(name: string): Buffer {
  const header = Buffer.alloc(512);
  OLE_MAGIC.copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian byte order mark
  return Buffer.concat([header, Buffer.from(name, 'utf16le')]);
}

export function buildRtf(name: string): string {
  let body = '';
  for (const ch of name) {
    const code = ch.codePointAt(0) ?? 63;
    if (ch === '\\' || ch === '{' || ch === '}') body += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) body += ch;
    else if (code <= 0xffff) body += `\\u${code > 0x7fff ? code - 0x10000 : code}?`;
    else body += '?';
  }
  return `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Helvetica;}}\\f0\\fs32 ${body}\\par\\fs24 Curriculum Vitae\\par}`;
}
