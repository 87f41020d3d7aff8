import { Writable } from 'node:stream';
import { Type } from 'typebox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { LlmError, OpenAiCompatibleClient, extractJson, type ChatMessage } from '../src/interviewer/llm.js';
import { createLogger } from '../src/lib/logger.js';
import { startFakeLlm, type FakeLlm } from './helpers/fake-llm.js';
import { closedPort } from './helpers/net.js';

const Answer = Type.Object({ reply: Type.String({ minLength: 1 }), action: Type.Union([Type.Literal('next'), Type.Literal('follow_up')]) }, { additionalProperties: false });
type AnswerT = { reply: string; action: 'next' | 'follow_up' };

const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'You are a test.' },
  { role: 'user', content: 'SECRET-CONTENT-MARKER say hello' },
];

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('the LLM client against a fake OpenAI-compatible server', () => {
  let fake: FakeLlm;
  beforeAll(async () => {
    fake = await startFakeLlm();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
  });

  function client(env: Record<string, string> = {}, level = 'info') {
    const config = loadConfig({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'test-model', LLM_API_KEY: 'sk-test', ...env });
    if (config.llm === undefined) throw new Error('no llm config');
    const log = capture();
    return { llm: new OpenAiCompatibleClient(config.llm, createLogger(level, log.stream)), log, config: config.llm };
  }

  const ask = (llm: OpenAiCompatibleClient) =>
    llm.completeJson<AnswerT>({ purpose: 'turn', messages: MESSAGES, schemaName: 'interview_turn', schema: Answer, temperature: 0.3, maxTokens: 300 });

  it('sends the model, messages, JSON schema and token limit, and returns the validated answer', async () => {
    const { llm, log } = client();
    fake.enqueue({ content: '{"reply":"Hello there.","action":"next"}', usage: { prompt_tokens: 77, completion_tokens: 9 } });
    const result = await ask(llm);
    expect(result).toMatchObject({ value: { reply: 'Hello there.', action: 'next' }, model: 'fake-model-1', promptTokens: 77, completionTokens: 9, rounds: 1 });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers['authorization']).toBe('Bearer sk-test');
    expect(request?.body).toMatchObject({
      model: 'test-model',
      messages: MESSAGES,
      temperature: 0.3,
      max_tokens: 300,
      response_format: { type: 'json_schema', json_schema: { name: 'interview_turn', schema: { type: 'object', required: ['reply', 'action'] } } },
    });
    expect(request?.body).not.toHaveProperty('max_completion_tokens');
    expect(request?.body.stream).toBe(false);

    // One info line per call: model, latency, tokens; never the content.
    const calls = log.lines().filter((l) => l['msg'] === 'model call');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.['llm']).toMatchObject({ purpose: 'turn', model: 'fake-model-1', prompt_tokens: 77, completion_tokens: 9, outcome: 'answered' });
    expect(typeof (calls[0]?.['llm'] as { latency_ms: unknown }).latency_ms).toBe('number');
    expect(JSON.stringify(log.lines())).not.toContain('SECRET-CONTENT-MARKER');
    expect(JSON.stringify(log.lines())).not.toContain('Hello there.');
    expect(JSON.stringify(log.lines())).not.toContain('sk-test');
  });

  it('names the token limit as configured, or leaves it out; asks for JSON mode or nothing', async () => {
    fake.setDefault('{"reply":"ok","action":"next"}');
    await ask(client({ LLM_TOKEN_PARAM: 'max_completion_tokens', LLM_RESPONSE_FORMAT: 'json_object' }).llm);
    await ask(client({ LLM_TOKEN_PARAM: 'none', LLM_RESPONSE_FORMAT: 'none' }).llm);
    const [first, second] = fake.requests;
    expect(first?.body.max_completion_tokens).toBe(300);
    expect(first?.body).not.toHaveProperty('max_tokens');
    expect(first?.body.response_format).toEqual({ type: 'json_object' });
    expect(second?.body).not.toHaveProperty('max_tokens');
    expect(second?.body).not.toHaveProperty('max_completion_tokens');
    expect(second?.body).not.toHaveProperty('response_format');
    // OpenAI's own API gets the newer name by default.
    expect(loadConfig({ LLM_MODEL: 'gpt-4o-mini' }).llm?.tokenParam).toBe('max_completion_tokens');
    expect(loadConfig({ LLM_MODEL: 'llama3.1', LLM_BASE_URL: 'http://127.0.0.1:11434/v1' }).llm?.tokenParam).toBe('max_tokens');
  });

  it('reads a streamed answer (server-sent events) with its usage', async () => {
    const { llm, log } = client({ LLM_STREAM: 'true' });
    fake.enqueue({ content: '{"reply":"Streamed answer, in pieces.","action":"follow_up"}', usage: { prompt_tokens: 50, completion_tokens: 12 } });
    const result = await ask(llm);
    expect(result.value).toEqual({ reply: 'Streamed answer, in pieces.', action: 'follow_up' });
    expect(result).toMatchObject({ promptTokens: 50, completionTokens: 12 });
    expect(fake.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(log.lines().find((l) => l['msg'] === 'model call')?.['llm']).toMatchObject({ stream: true, completion_tokens: 12 });
  });

  it('accepts JSON inside a code fence or amid prose', async () => {
    const { llm } = client();
    fake.enqueue('```json\n{"reply":"Fenced.","action":"next"}\n```');
    expect((await ask(llm)).value.reply).toBe('Fenced.');
    fake.enqueue('Sure! Here it is: {"reply":"Prose.","action":"next"} Hope that helps.');
    expect((await ask(llm)).value.reply).toBe('Prose.');
    expect(() => extractJson('no json here')).toThrow(SyntaxError);
  });

  it('repairs once: an answer that is not JSON, then a valid one', async () => {
    const { llm, log } = client();
    fake.enqueue('I think the answer is hello', '{"reply":"Repaired.","action":"next"}');
    const result = await ask(llm);
    expect(result).toMatchObject({ value: { reply: 'Repaired.' }, rounds: 2 });
    expect(fake.requests).toHaveLength(2);
    const repair = fake.requests[1]?.body.messages as ChatMessage[];
    expect(repair.slice(0, 2)).toEqual(MESSAGES);
    expect(repair[2]).toEqual({ role: 'assistant', content: 'I think the answer is hello' });
    expect(repair[3]?.role).toBe('user');
    expect(repair[3]?.content).toContain('not valid JSON');
    expect(log.lines().filter((l) => l['msg'] === 'model answer rejected')).toHaveLength(1);
  });

  it('repairs once: JSON that does not match the schema names what is wrong', async () => {
    const { llm } = client();
    fake.enqueue('{"reply":"","action":"dance"}', '{"reply":"Fixed.","action":"follow_up"}');
    expect((await ask(llm)).value).toEqual({ reply: 'Fixed.', action: 'follow_up' });
    const repair = fake.requests[1]?.body.messages as ChatMessage[];
    expect(repair[3]?.content).toContain('does not match the schema');
    expect(repair[3]?.content).toContain('/reply');
  });

  it('fails clearly after the repair round fails too (exactly two requests)', async () => {
    const { llm } = client();
    fake.enqueue('not json', '{"still":"wrong"}');
    const error = await ask(llm).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'invalid_output' });
    expect((error as Error).message).toContain('rejected twice');
    expect(fake.requests).toHaveLength(2);
  });

  it('times out on a server that never answers, after the configured retries', async () => {
    const { llm, log } = client({ LLM_TIMEOUT_MS: '300', LLM_MAX_RETRIES: '1' });
    fake.enqueue({ hang: true }, { hang: true });
    const started = Date.now();
    const error = await ask(llm).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(fake.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(log.lines().find((l) => l['msg'] === 'model call failed')?.['llm']).toMatchObject({ outcome: 'timeout' });
  });

  it('times out on a server that sends headers and then stalls the body', async () => {
    const { llm } = client({ LLM_TIMEOUT_MS: '300', LLM_MAX_RETRIES: '0' });
    fake.enqueue({ stall: true });
    const error = await ask(llm).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('retries a 5xx or 429 (honouring retry-after-ms), but not a 401', async () => {
    const { llm } = client({ LLM_MAX_RETRIES: '2' });
    fake.enqueue(
      { status: 503, headers: { 'retry-after-ms': '10' } },
      { status: 429, headers: { 'retry-after-ms': '10' } },
      '{"reply":"Third time.","action":"next"}',
    );
    expect((await ask(llm)).value.reply).toBe('Third time.');
    expect(fake.requests).toHaveLength(3);

    fake.reset();
    fake.enqueue({ status: 401, body: { error: { message: 'bad key' } } });
    const error = await ask(llm).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'http', status: 401 });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a server that is not there as a connection failure', async () => {
    const config = loadConfig({ LLM_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1`, LLM_MODEL: 'm', LLM_MAX_RETRIES: '0' }).llm;
    if (config === undefined) throw new Error('no config');
    const llm = new OpenAiCompatibleClient(config, createLogger('silent'));
    await expect(ask(llm)).rejects.toMatchObject({ kind: 'connection' });
  });
});
