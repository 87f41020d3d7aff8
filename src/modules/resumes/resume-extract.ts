import { fileTypeFromBuffer } from 'file-type';
import type { ResumeErrorCode } from '../participants/participants.schemas.js';
import { normaliseText } from './resume-text.js';
import { checkZip } from './zip-gate.js';

/**
 * Reading a downloaded resume: the type comes from the bytes (file-type), never from the URL or
 * the server's Content-Type; PDF through unpdf (pdf.js, no eval), DOCX through mammoth after the
 * zip gate, plain text when the bytes are valid UTF-8 without NUL. Runs inside the extraction
 * worker (resume-extract.worker.ts), which the server can kill.
 */

export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const TEXT_TYPE = 'text/plain';

/** Pages read from a PDF at most (the text is capped anyway; this bounds the work). */
const MAX_PDF_PAGES = 200;

export type ExtractOutcome =
  | { ok: true; contentType: string; text: string; characters: number }
  | { ok: false; code: ResumeErrorCode; message: string; contentType?: string | undefined };

export async function extractResume(bytes: Uint8Array, maxCharacters: number): Promise<ExtractOutcome> {
  const detected = await fileTypeFromBuffer(bytes);
  let contentType: string;
  let raw: string;
  if (detected === undefined) {
    const text = decodeText(bytes);
    if (text === undefined) {
      return { ok: false, code: 'unsupported_type', message: 'The file is not a PDF, a DOCX or UTF-8 text.' };
    }
    contentType = TEXT_TYPE;
    raw = text;
  } else if (detected.mime === PDF_TYPE) {
    contentType = PDF_TYPE;
    const read = await readPdf(bytes, maxCharacters);
    if ('error' in read) return { ok: false, code: 'extraction_failed', message: read.error, contentType };
    raw = read.text;
  } else if (detected.mime === DOCX_TYPE) {
    contentType = DOCX_TYPE;
    const verdict = checkZip(bytes);
    if (!verdict.ok) {
      return { ok: false, code: verdict.reason === 'too_large' ? 'too_large' : 'extraction_failed', message: verdict.message, contentType };
    }
    const read = await readDocx(bytes);
    if ('error' in read) return { ok: false, code: 'extraction_failed', message: read.error, contentType };
    raw = read.text;
  } else {
    return {
      ok: false,
      code: 'unsupported_type',
      message: `The file is ${detected.mime} (.${detected.ext}); resumes are read from PDF, DOCX or plain text.`,
      contentType: detected.mime,
    };
  }
  const { text, characters } = normaliseText(raw, maxCharacters);
  if (characters === 0) {
    return {
      ok: false,
      code: 'empty_text',
      message: contentType === PDF_TYPE ? 'The PDF has no text (a scanned document?).' : 'The file has no text.',
      contentType,
    };
  }
  return { ok: true, contentType, text, characters };
}

/** UTF-8 without NUL (a BOM is dropped); anything else is not text. */
function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

async function readPdf(bytes: Uint8Array, maxCharacters: number): Promise<{ text: string } | { error: string }> {
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(bytes, {
      // No code generated from the file's content (font programs) — the point of the pin.
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: 0,
    });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') return { error: 'The PDF is password-protected.' };
    if (name === 'InvalidPDFException') return { error: 'The PDF is damaged or not a PDF.' };
    return { error: `The PDF could not be opened (${describe(error)}).` };
  }
  try {
    const parts: string[] = [];
    let length = 0;
    for (let number = 1; number <= Math.min(pdf.numPages, MAX_PDF_PAGES) && length < maxCharacters * 2; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      let pageText = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        pageText += item.str;
        if (item.hasEOL) pageText += '\n';
      }
      page.cleanup();
      parts.push(pageText);
      length += pageText.length;
    }
    return { text: parts.join('\n\n') };
  } catch (error) {
    return { error: `The PDF could not be read (${describe(error)}).` };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

async function readDocx(bytes: Uint8Array): Promise<{ text: string } | { error: string }> {
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { text: result.value };
  } catch (error) {
    return { error: `The DOCX could not be read (${describe(error)}).` };
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 200);
}
