import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RESUME_MAX_CHARACTERS } from './resume-text.js';
import type { ExtractOutcome } from './resume-extract.js';

export interface ExtractorOptions {
  /** Wall-clock limit of one extraction; the worker is terminated past it. */
  timeoutMs: number;
  /** The worker's V8 heap limit (old generation). */
  heapMb: number;
  /**
   * Growth of the process's resident memory an extraction may cause (default 2 × heapMb). Heap
   * limits do not cover ArrayBuffers (what pdf.js and zip libraries inflate into), so this
   * watchdog terminates a worker that grows the process past it.
   */
  memoryBudgetMb?: number;
  /** Extractions running at once; more wait their turn. */
  concurrency?: number;
  maxCharacters?: number;
}

export type ExtractResult = ExtractOutcome & { ms: number };

const WATCH_INTERVAL_MS = 50;

/**
 * The worker runs from TypeScript sources under tsx (tests, `npm run dev`) and from dist/ once
 * built. A worker does not inherit tsx's loader, so the bootstrap registers it first when the
 * entry is a .ts file.
 */
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = new URL(RUNNING_FROM_SOURCE ? './resume-extract.worker.ts' : './resume-extract.worker.js', import.meta.url).href;
// Only dynamic imports: valid whether the eval'd code is taken as a script or as a module.
const BOOTSTRAP = `
import('node:worker_threads')
  .then(async ({ workerData }) => {
    if (workerData.loader !== undefined) (await import(workerData.loader)).register();
    await import(workerData.entry);
  })
  .catch((error) => { process.nextTick(() => { throw error; }); });
`;

let tsxLoader: string | undefined;
function loaderUrl(): string | undefined {
  if (!RUNNING_FROM_SOURCE) return undefined;
  if (tsxLoader === undefined) {
    const require = createRequire(import.meta.url);
    const manifest = require.resolve('tsx/package.json');
    const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
    const api = exports['./esm/api'];
    if (api === undefined) throw new Error('tsx has no ./esm/api export');
    tsxLoader = pathToFileURL(join(dirname(manifest), api.import.default)).href;
  }
  return tsxLoader;
}

/** Reads resumes in worker threads with a heap limit, a wall-clock kill and a memory watchdog. */
export class ResumeExtractor {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  private readonly workers = new Set<Worker>();

  constructor(private readonly options: ExtractorOptions) {}

  async extract(bytes: Uint8Array): Promise<ExtractResult> {
    await this.acquire();
    try {
      return await this.run(bytes);
    } finally {
      this.release();
    }
  }

  /** Stops extractions in progress (shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }

  private run(bytes: Uint8Array): Promise<ExtractResult> {
    const { timeoutMs, heapMb } = this.options;
    const budgetBytes = (this.options.memoryBudgetMb ?? heapMb * 2) * 1024 * 1024;
    const started = performance.now();
    // A copy of its own to hand over: the download's buffer may share memory with others.
    const copy = new Uint8Array(bytes);
    return new Promise((resolve) => {
      const worker = new Worker(BOOTSTRAP, {
        eval: true,
        // The server's own flags (loaders, --input-type) are not the worker's.
        execArgv: [],
        workerData: { entry: ENTRY, loader: loaderUrl(), bytes: copy, maxCharacters: this.options.maxCharacters ?? RESUME_MAX_CHARACTERS },
        transferList: [copy.buffer],
        resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.max(4, Math.round(heapMb / 16)), stackSizeMb: 4 },
        // Libraries' console output stays out of the server's JSON logs.
        stdout: true,
        stderr: true,
      });
      worker.stdout.resume();
      worker.stderr.resume();
      this.workers.add(worker);
      const baseline = process.memoryUsage.rss();
      let settled = false;
      const finish = (outcome: ExtractOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watchdog);
        this.workers.delete(worker);
        void worker.terminate();
        resolve({ ...outcome, ms: Math.round(performance.now() - started) });
      };
      const failed = (message: string): ExtractOutcome => ({ ok: false, code: 'extraction_failed', message });
      const timer = setTimeout(
        () => finish(failed(`Reading the file took longer than ${formatSeconds(timeoutMs)}; it was stopped.`)),
        timeoutMs,
      );
      const watchdog = setInterval(() => {
        if (process.memoryUsage.rss() - baseline > budgetBytes) finish(failed('Reading the file needed more memory than allowed; it was stopped.'));
      }, WATCH_INTERVAL_MS);
      worker.once('message', (outcome: ExtractOutcome) => finish(outcome));
      worker.once('error', (error: Error & { code?: string }) =>
        finish(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? failed('Reading the file needed more memory than allowed; it was stopped.')
            : failed(`The file could not be read (${error.message.replace(/\s+/g, ' ').slice(0, 200)}).`),
        ),
      );
      worker.once('exit', (code) => finish(failed(`The reader stopped unexpectedly (exit code ${code}).`)));
    });
  }

  private async acquire(): Promise<void> {
    if (this.running < (this.options.concurrency ?? 2)) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next !== undefined) next();
    else this.running -= 1;
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
