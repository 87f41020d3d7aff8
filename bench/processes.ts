import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface Child {
  process: ChildProcess;
  pid: number;
  url: string;
  /** SIGTERM, then wait for the exit (the server's graceful shutdown writes CPU profiles). */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts `node [nodeArgs] script args` (TypeScript through tsx), logs to `logFile`, and waits for `readyPath`. */
export async function startNode(options: {
  script: string;
  args?: string[];
  nodeArgs?: string[];
  /** The script is TypeScript: load it through tsx. */
  typescript?: boolean;
  env?: Record<string, string>;
  port: number;
  readyPath: string;
  logFile: string;
}): Promise<Child> {
  const loader = options.typescript === false ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, options.script, ...(options.args ?? [])], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(options.logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${options.port}`;
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${options.script}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(`${url}${options.readyPath}`, child, 60_000);
  return {
    process: child,
    pid,
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident set size of a process in MB (Linux /proc). */
/** The loopback webhook receiver (webhook-receiver.ts) in its own process; GET /count tells how many it got. */
export async function startWebhookReceiver(logFile: string): Promise<Child> {
  const port = await freePort();
  return startNode({ script: join(import.meta.dirname, 'webhook-receiver.ts'), args: [String(port)], port, readyPath: '/count', logFile });
}

export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match?.[1] === undefined ? 0 : Number(match[1]) / 1024;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After "pid (comm) ", utime and stime are fields 12 and 13 (0-based, from the state field).
    return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; reports the peak. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  peakMb = 0;

  constructor(private readonly pid: number) {}

  start(everyMs = 100): this {
    this.timer = setInterval(() => {
      this.peakMb = Math.max(this.peakMb, rssMb(this.pid));
    }, everyMs);
    this.timer.unref();
    return this;
  }

  /** Peak since the last reset, and starts a new window. */
  take(): number {
    const peak = Math.max(this.peakMb, rssMb(this.pid));
    this.peakMb = 0;
    return peak;
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
  }
}
