import { inflateRawSync } from 'node:zlib';

/**
 * Checks a DOCX (a zip) before any zip library opens it: mammoth inflates whatever the archive
 * holds, with no limit of its own. Read from the central directory: the number of entries and
 * each entry's declared uncompressed size, against limits. Declared sizes can lie, so each entry
 * is then inflated here with the declared size as a hard output cap (zlib stops past it), which
 * also proves the total. Zip64, encrypted entries and methods other than stored/deflate are
 * refused: no resume needs them.
 */

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the entries' uncompressed sizes. */
  maxTotalBytes: number;
}

export const DOCX_LIMITS: ZipLimits = { maxEntries: 1000, maxTotalBytes: 64 * 1024 * 1024 };

export type ZipVerdict = { ok: true; entries: number; totalBytes: number } | { ok: false; reason: 'too_large' | 'corrupt'; message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export function checkZip(data: Uint8Array, limits: ZipLimits = DOCX_LIMITS): ZipVerdict {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const corrupt = (message: string): ZipVerdict => ({ ok: false, reason: 'corrupt', message });
  const tooLarge = (message: string): ZipVerdict => ({ ok: false, reason: 'too_large', message });

  let eocd = -1;
  for (let i = buf.length - EOCD_SIZE; i >= Math.max(0, buf.length - EOCD_SIZE - MAX_COMMENT); i -= 1) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return corrupt('The document is not a readable zip archive (no end of central directory).');
  const entryCount = buf.readUInt16LE(eocd + 10);
  const directorySize = buf.readUInt32LE(eocd + 12);
  const directoryOffset = buf.readUInt32LE(eocd + 16);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    return tooLarge('The document is a Zip64 archive, which no resume needs.');
  }
  if (entryCount > limits.maxEntries) return tooLarge(`The document holds ${entryCount} files; at most ${limits.maxEntries} are read.`);
  if (directoryOffset + directorySize > eocd) return corrupt('The document’s zip directory points outside the file.');

  interface Entry {
    method: number;
    compressed: number;
    uncompressed: number;
    offset: number;
  }
  const entries: Entry[] = [];
  let total = 0;
  let pos = directoryOffset;
  for (let i = 0; i < entryCount; i += 1) {
    if (pos + 46 > eocd || buf.readUInt32LE(pos) !== CENTRAL) return corrupt('The document’s zip directory is damaged.');
    const flags = buf.readUInt16LE(pos + 8);
    const method = buf.readUInt16LE(pos + 10);
    const compressed = buf.readUInt32LE(pos + 20);
    const uncompressed = buf.readUInt32LE(pos + 24);
    const nameLength = buf.readUInt16LE(pos + 28);
    const extraLength = buf.readUInt16LE(pos + 30);
    const commentLength = buf.readUInt16LE(pos + 32);
    const offset = buf.readUInt32LE(pos + 42);
    if ((flags & 1) !== 0) return corrupt('The document is encrypted.');
    if (method !== 0 && method !== 8) return corrupt(`The document uses an unsupported zip compression (method ${method}).`);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || offset === 0xffffffff) {
      return tooLarge('The document is a Zip64 archive, which no resume needs.');
    }
    total += uncompressed;
    if (total > limits.maxTotalBytes) {
      return tooLarge(`The document would expand to more than ${limits.maxTotalBytes / (1024 * 1024)} MiB (a zip bomb?).`);
    }
    entries.push({ method, compressed, uncompressed, offset });
    pos += 46 + nameLength + extraLength + commentLength;
  }

  // The declared sizes are within limits; make sure they are true.
  for (const entry of entries) {
    if (entry.offset + 30 > buf.length || buf.readUInt32LE(entry.offset) !== LOCAL) return corrupt('A file inside the document is damaged.');
    const start = entry.offset + 30 + buf.readUInt16LE(entry.offset + 26) + buf.readUInt16LE(entry.offset + 28);
    const end = start + entry.compressed;
    if (end > buf.length) return corrupt('A file inside the document is cut short.');
    if (entry.method === 0) {
      if (entry.compressed !== entry.uncompressed) return corrupt('A stored file inside the document has inconsistent sizes.');
      continue;
    }
    let inflated: number;
    try {
      // maxOutputLength must be at least 1; one byte over the declared size proves a lie.
      inflated = inflateRawSync(buf.subarray(start, end), { maxOutputLength: entry.uncompressed + 1 }).length;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return tooLarge('A file inside the document expands beyond the size it declares (a zip bomb?).');
      }
      return corrupt('A file inside the document cannot be decompressed.');
    }
    if (inflated !== entry.uncompressed) {
      return inflated > entry.uncompressed
        ? tooLarge('A file inside the document expands beyond the size it declares (a zip bomb?).')
        : corrupt('A file inside the document is shorter than it declares.');
    }
  }
  return { ok: true, entries: entries.length, totalBytes: total };
}
