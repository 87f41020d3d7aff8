import { parentPort, workerData } from 'node:worker_threads';
import { extractResume, type ExtractOutcome } from './resume-extract.js';

/**
 * The extraction worker's entry (started by ResumeExtractor): reads the one file it was given
 * and posts the outcome. It runs with a heap limit and is terminated when it takes too long or
 * the process grows too much; none of that can stop the server's event loop.
 */

const { bytes, maxCharacters } = workerData as { bytes: Uint8Array; maxCharacters: number };

async function main(): Promise<ExtractOutcome> {
  try {
    return await extractResume(bytes, maxCharacters);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'extraction_failed', message: `The file could not be read (${message.replace(/\s+/g, ' ').slice(0, 200)}).` };
  }
}

void main().then((outcome) => parentPort?.postMessage(outcome));
