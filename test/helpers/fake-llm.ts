import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake OpenAI-compatible server for tests: a real HTTP server on loopback that speaks
 * `POST /v1/chat/completions`, non-streaming (JSON) and streaming (server-sent events, with a
 * usage chunk when `stream_options.include_usage` asks for one). It records every request and
 * answers from a script: one-shot replies in order, then a default responder.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary request bodies
  body: any;
  /** The schema name asked for in `response_format.json_schema.name`, when there is one. */
  schemaName: string | undefined;
}

export type FakeReply =
  /** The assistant message's content. */
  | string
  | { content: string; model?: string; usage?: { prompt_tokens: number; completion_tokens: number }; delayMs?: number }
  /** An error answer (status and JSON body), optionally with headers such as retry-after-ms. */
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Accepts the request and never answers (until the server closes): a timeout. */
  | { hang: true }
  /** Sends headers and a first chunk of a body, then stalls. */
  | { stall: true };

export type Responder = FakeReply | ((request: RecordedRequest) => FakeReply | Promise<FakeReply>);

export interface FakeLlm {
  /** For LLM_BASE_URL: `http://127.0.0.1:<port>/v1`. */
  baseUrl: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  /** Replies used once each, in order, before the default responder. */
  enqueue(...replies: Responder[]): void;
  /** What answers when the queue is empty (default: an error naming the unscripted request). */
  setDefault(responder: Responder): void;
  /** Requests whose response_format named this schema. */
  requestsFor(schemaName: string): RecordedRequest[];
  reset(): void;
  close(): Promise<void>;
}

const MODEL = 'fake-model-1';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function completion(content: string, model: string, usage: { prompt_tokens: number; completion_tokens: number }) {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

function sendStream(response: ServerResponse, content: string, model: string, usage: { prompt_tokens: number; completion_tokens: number }, includeUsage: boolean): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const id = `chatcmpl-${Math.random().toString(36).slice(2)}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  response.write(chunk({ role: 'assistant', content: '' }, null));
  // Split into a few pieces, as a real server streams tokens.
  const size = Math.max(1, Math.ceil(content.length / 4));
  for (let i = 0; i < content.length; i += size) response.write(chunk({ content: content.slice(i, i + size) }, null));
  response.write(chunk({}, 'stop'));
  if (includeUsage) {
    const usageChunk = { id, object: 'chat.completion.chunk', created, model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } };
    response.write(`data: ${JSON.stringify(usageChunk)}\n\n`);
  }
  response.end('data: [DONE]\n\n');
}

export async function startFakeLlm(): Promise<FakeLlm> {
  const requests: RecordedRequest[] = [];
  const queue: Responder[] = [];
  let fallback: Responder = (request) => ({
    status: 500,
    body: { error: { message: `fake LLM: no reply scripted for ${request.schemaName ?? request.path}` } },
    headers: { 'x-should-retry': 'false' },
  });

  const server = createServer((request, response) => {
    void (async () => {
      const text = await readBody(request);
      let body: unknown = null;
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch {
        body = text;
      }
      const record: RecordedRequest = {
        method: request.method ?? 'GET',
        path: request.url ?? '/',
        headers: request.headers,
        body,
        schemaName: (body as { response_format?: { json_schema?: { name?: string } } } | null)?.response_format?.json_schema?.name,
      };
      requests.push(record);
      if (record.method !== 'POST' || !record.path.endsWith('/chat/completions')) {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const responder = queue.shift() ?? fallback;
      const reply = typeof responder === 'function' ? await responder(record) : responder;
      if (typeof reply === 'object' && 'hang' in reply) return;
      if (typeof reply === 'object' && 'stall' in reply) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"id":"stalled","choices":[');
        return;
      }
      if (typeof reply === 'object' && 'status' in reply) {
        response
          .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
          .end(JSON.stringify(reply.body ?? { error: { message: `fake error ${reply.status}` } }));
        return;
      }
      const content = typeof reply === 'string' ? reply : reply.content;
      const model = typeof reply === 'string' ? MODEL : (reply.model ?? MODEL);
      const usage = typeof reply === 'string' || reply.usage === undefined ? { prompt_tokens: 120, completion_tokens: 40 } : reply.usage;
      if (typeof reply === 'object' && reply.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      const asked = body as { stream?: boolean; stream_options?: { include_usage?: boolean } } | null;
      if (asked?.stream === true) {
        sendStream(response, content, model, usage, asked.stream_options?.include_usage === true);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(content, model, usage)));
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    setDefault: (responder) => {
      fallback = responder;
    },
    requestsFor: (schemaName) => requests.filter((r) => r.schemaName === schemaName),
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A scripted interviewer for end-to-end tests: answers each request by the schema it asks for.
 * Plans three questions over the rubric; follows up once on an answer containing "vague";
 * scores each dimension 8 quoting the first words of the first participant answer (as a model
 * citing the transcript would); writes a one-line summary.
 */
export function interviewerBrain(options: { score?: number } = {}): (request: RecordedRequest) => FakeReply {
  return (request) => {
    const messages = (request.body?.messages ?? []) as { role: string; content: string }[];
    const user = messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n');
    switch (request.schemaName) {
      case 'interview_plan': {
        const dimensions = request.body.response_format.json_schema.schema.properties.questions.items.properties.dimensions.items.enum as string[];
        return JSON.stringify({
          questions: dimensions.slice(0, 3).map((name, i) => ({ text: `Model question ${i + 1}: tell me about ${name.toLowerCase()} in your work.`, dimensions: [name], skill: null })),
        });
      }
      case 'interview_turn': {
        const answers = [...user.matchAll(/participant:\n<<<participant_answer \w+>>>\n([\s\S]*?)\n<<<end participant_answer/g)].map((m) => m[1] ?? '');
        const last = answers[answers.length - 1] ?? '';
        return JSON.stringify(last.includes('vague') ? { action: 'follow_up', question: 'Could you give one concrete example, with numbers?' } : { action: 'move_on', question: '' });
      }
      case 'dimension_score': {
        const first = /Turn (\d+), participant:\n<<<participant_answer \w+>>>\n([^\n]+)/.exec(user);
        const evidence = first === null ? [] : [{ turn_seq: Number(first[1]), quote: (first[2] ?? '').split(' ').slice(0, 5).join(' ') }];
        return JSON.stringify({ score: options.score ?? 8, reasoning: 'Clear, specific answers with examples.', evidence });
      }
      case 'interview_summary':
        return JSON.stringify({ summary: 'The participant answered every question with concrete examples.' });
      default:
        return { status: 500, body: { error: { message: `unscripted ${request.schemaName ?? request.path}` } }, headers: { 'x-should-retry': 'false' } };
    }
  };
}
