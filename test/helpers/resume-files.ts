import { createDeflateRaw, crc32, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, PDFName, PDFNumber, PDFHexString, StandardFonts, rgb } from 'pdf-lib';

/**
 * Resume files made in the tests: real PDFs (pdf-lib) and DOCX files (docx), and the hostile
 * ones — zip bombs, an encrypted PDF, PDFs whose streams expand without bound — built byte by
 * byte where no library would make them.
 */

export const RESUME_LINES = [
  'Jane Smith',
  'Senior Software Engineer',
  'Skills: TypeScript, PostgreSQL, Kubernetes and C++.',
  'Built search at Google; wrote Node.js services.',
  'Research: machine learning for ranking.',
];

export async function makePdf(lines: readonly string[] = RESUME_LINES): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 20, size: 12, font }));
  return Buffer.from(await pdf.save());
}

/** A page with a drawing and no text at all: what a scanned resume looks like to a text reader. */
export async function makeScannedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawRectangle({ x: 40, y: 40, width: 515, height: 762, color: rgb(0.9, 0.9, 0.9) });
  return Buffer.from(await pdf.save());
}

/**
 * A PDF with the standard security handler whose user password is not empty: readers need the
 * password. (The O and U entries are random: no password opens it.)
 */
export async function makeEncryptedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText('Secret resume', { x: 50, y: 780, size: 12, font });
  const context = pdf.context;
  const encrypt = context.obj({
    Filter: PDFName.of('Standard'),
    V: PDFNumber.of(1),
    R: PDFNumber.of(2),
    Length: PDFNumber.of(40),
    P: PDFNumber.of(-44),
    O: PDFHexString.of('a1'.repeat(32)),
    U: PDFHexString.of('b2'.repeat(32)),
  });
  context.trailerInfo.Encrypt = context.register(encrypt);
  context.trailerInfo.ID = context.obj([PDFHexString.of('c3'.repeat(16)), PDFHexString.of('c3'.repeat(16))]);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

export function makeCorruptPdf(): Buffer {
  return Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\n%% the rest of this file was lost\n\u0000\u0001garbage', 'latin1');
}

/** A one-page PDF whose page content is the given (already compressed) FlateDecode stream. */
function pdfWithContent(streamBytes: Buffer, filter = '/FlateDecode'): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (chunk: Buffer | string) => {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(buf);
    length += buf.length;
  };
  push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const object = (n: number, body: string | Buffer[], after = '') => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    if (typeof body === 'string') push(body);
    else body.forEach((b) => push(b));
    push(`\nendobj\n${after}`);
  };
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>');
  object(4, [Buffer.from(`<< /Length ${streamBytes.length} /Filter ${filter} >>\nstream\n`, 'latin1'), streamBytes, Buffer.from('\nendstream', 'latin1')]);
  object(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const xref = length;
  push(`xref\n0 6\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** Deflates `times` copies of `chunk` without holding the expanded data in memory. */
async function deflateRepeated(chunk: Buffer, times: number, wrap: 'zlib' | 'raw'): Promise<Buffer> {
  const { createDeflate } = await import('node:zlib');
  const stream = wrap === 'raw' ? createDeflateRaw({ level: 1 }) : createDeflate({ level: 1 });
  const out: Buffer[] = [];
  stream.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  for (let i = 0; i < times; i += 1) {
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await done;
  return Buffer.concat(out);
}

/** A PDF whose page content (a few hundred KiB on the wire) inflates to `mib` MiB of spaces. */
export async function makeFlateBombPdf(mib: number): Promise<Buffer> {
  return pdfWithContent(await deflateRepeated(Buffer.alloc(1024 * 1024, ' '), mib, 'zlib'));
}

/** A PDF whose page shows `count` tiny strings: cheap to send, costly to turn into text items. */
export function makeManyItemsPdf(count: number): Buffer {
  const ops = Buffer.from('(x) Tj 1 0 Td ', 'latin1');
  const content = Buffer.concat([Buffer.from('BT /F1 1 Tf ', 'latin1'), Buffer.alloc(ops.length * count, ops), Buffer.from(' ET', 'latin1')]);
  return pdfWithContent(deflateSync(content, { level: 9 }));
}

export async function makeDocx(lines: readonly string[] = RESUME_LINES): Promise<Buffer> {
  const [name = '', ...rest] = lines;
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun(name)] }),
          ...rest.map((line) => new Paragraph({ children: [new TextRun(line)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

interface ZipEntry {
  name: string;
  /** Raw-deflated bytes. */
  data: Buffer;
  crc: number;
  /** The size written into the headers (a lie, for a bomb that hides). */
  declaredSize: number;
}

/** A zip archive (deflate entries) written by hand, headers and central directory. */
function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.data);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.declaredSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function entry(name: string, content: string): ZipEntry {
  const bytes = Buffer.from(content, 'utf8');
  return { name, data: deflateRawSync(bytes), crc: crc32(bytes), declaredSize: bytes.length };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Zip bomb</w:t></w:r></w:p></w:body></w:document>';

/**
 * A DOCX carrying one more file of `mib` MiB of zeros (a few hundred KiB compressed). With
 * `hide`, the headers declare that file as 1 KiB: only inflating it shows the truth.
 */
export async function makeZipBombDocx(mib: number, options: { hide?: boolean } = {}): Promise<Buffer> {
  const zeros = Buffer.alloc(1024 * 1024);
  const data = await deflateRepeated(zeros, mib, 'raw');
  let crc = 0;
  for (let i = 0; i < mib; i += 1) crc = crc32(zeros, crc);
  const size = mib * 1024 * 1024;
  return writeZip([
    entry('[Content_Types].xml', CONTENT_TYPES),
    entry('_rels/.rels', RELS),
    entry('word/document.xml', DOCUMENT),
    { name: 'word/media/image1.bin', data, crc, declaredSize: options.hide === true ? 1024 : size },
  ]);
}

/** A 1×1 PNG. */
export function makePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** `mib` MiB of text, gzip-compressed: a body that would inflate past the download cap. */
export function makeGzipBody(mib: number): Buffer {
  return gzipSync(Buffer.alloc(mib * 1024 * 1024, 'resume text '));
}

