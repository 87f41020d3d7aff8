import type { ValidateFunction } from 'ajv';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { LlmConfig } from '../config/config.js';
import type { Logger } from '../lib/logger.js';
import { createBodyAjv } from '../lib/validation.js';

/**
 * The interviewer's model: any OpenAI-compatible chat-completions server (OpenAI, Ollama, vLLM,
 * llama.cpp), through the `openai` package pointed at LLM_BASE_URL.
 *
 * Every answer is JSON checked against a schema before anyone uses it: the schema is sent as
 * `response_format` where the server supports it, and always validated here with Ajv. An answer
 * that does not parse or validate gets one repair round (the model sees its answer and the
 * errors); a second failure is an LlmError, never a half-valid object. Each call is logged at
 * info with model, latency and tokens, never with its content.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface JsonRequest {
  /** What the call is for (`plan`, `turn`, `score`, `summary`): logs and errors name it. */
  purpose: string;
  messages: ChatMessage[];
  /** Name of the schema for `response_format` (a-z, 0-9, _ and -). */
  schemaName: string;
  /** A JSON Schema (TypeBox objects are). */
  schema: object;
  temperature?: number;
  maxTokens?: number;
  /** Fewer transport retries where a person is waiting (a conversation turn). */
  maxRetries?: number;
  timeoutMs?: number;
}

export interface JsonResult<T> {
  value: T;
  model: string;
  latencyMs: number;
  promptTokens: number | null;
  completionTokens: number | null;
  /** 1, or 2 when the repair round was needed. */
  rounds: number;
}

export type LlmFailure = 'timeout' | 'connection' | 'http' | 'invalid_output';

export class LlmError extends Error {
  constructor(
    readonly kind: LlmFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

export interface LlmClient {
  readonly model: string;
  completeJson<T>(request: JsonRequest): Promise<JsonResult<T>>;
}

interface RawAnswer {
  content: string;
  model: string;
  promptTokens: number | null;
  completionTokens: number | null;
}

/** Pulls the JSON object out of an answer: bare, in a ```json fence, or amid a little prose. */
export function extractJson(content: string): unknown {
  const trimmed = content.trim();
  const candidates = [trimmed];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(trimmed);
  if (fenced?.[1] !== undefined) candidates.push(fenced[1].trim());
  const first = trimmed.indexOf('{');
  const last = trimmed.lastIndexOf('}');
  if (first !== -1 && last > first) candidates.push(trimmed.slice(first, last + 1));
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // next candidate
    }
  }
  throw new SyntaxError('the answer is not JSON');
}

const ajv = createBodyAjv();
const validators = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 10)
    .map((e) => `${e.instancePath === '' ? '(root)' : e.instancePath} ${e.message ?? 'is invalid'}`)
    .join('; ');
}

export class OpenAiCompatibleClient implements LlmClient {
  private readonly client: OpenAI;

  constructor(
    private readonly config: LlmConfig,
    private readonly logger: Logger,
  ) {
    this.client = new OpenAI({
      baseURL: config.baseUrl,
      // Local servers need no key; the package insists on one.
      apiKey: config.apiKey ?? 'none',
      timeout: config.timeoutMs,
      maxRetries: config.maxRetries,
    });
  }

  get model(): string {
    return this.config.model;
  }

  async completeJson<T>(request: JsonRequest): Promise<JsonResult<T>> {
    const validate = validatorFor(request.schema);
    const started = Date.now();
    let promptTokens: number | null = null;
    let completionTokens: number | null = null;
    const messages = [...request.messages];
    let lastProblem = '';
    for (let round = 1; round <= 2; round += 1) {
      const answer = await this.call(request, messages, round);
      if (answer.promptTokens !== null) promptTokens = (promptTokens ?? 0) + answer.promptTokens;
      if (answer.completionTokens !== null) completionTokens = (completionTokens ?? 0) + answer.completionTokens;
      let parsed: unknown;
      try {
        parsed = extractJson(answer.content);
        if (validate(parsed)) {
          return { value: parsed as T, model: answer.model, latencyMs: Date.now() - started, promptTokens, completionTokens, rounds: round };
        }
        lastProblem = `it does not match the schema: ${describeErrors(validate)}`;
      } catch {
        lastProblem = 'it is not valid JSON';
      }
      this.logger.warn({ llm: { purpose: request.purpose, model: answer.model, round, problem: lastProblem } }, 'model answer rejected');
      this.logger.debug({ llm: { purpose: request.purpose, answer: answer.content.slice(0, 2000) } }, 'rejected model answer');
      // The repair round: the model sees its own answer and what is wrong with it.
      messages.push(
        { role: 'assistant', content: answer.content.slice(0, 8000) },
        {
          role: 'user',
          content: `Your previous answer was rejected because ${lastProblem}. Answer again with only a JSON object that matches the schema "${request.schemaName}", and nothing else.`,
        },
      );
    }
    throw new LlmError('invalid_output', `The model's answer for ${request.purpose} was rejected twice: ${lastProblem}.`);
  }

  private async call(request: JsonRequest, messages: ChatMessage[], round: number): Promise<RawAnswer> {
    const { config } = this;
    const body: Record<string, unknown> = {
      model: config.model,
      messages,
      temperature: request.temperature ?? 0.2,
    };
    const maxTokens = request.maxTokens ?? config.maxOutputTokens;
    if (config.tokenParam !== 'none') body[config.tokenParam] = maxTokens;
    if (config.responseFormat === 'json_schema') {
      body['response_format'] = { type: 'json_schema', json_schema: { name: request.schemaName, schema: request.schema, strict: false } };
    } else if (config.responseFormat === 'json_object') {
      body['response_format'] = { type: 'json_object' };
    }
    const timeout = request.timeoutMs ?? config.timeoutMs;
    const maxRetries = request.maxRetries ?? config.maxRetries;
    // The package's timeout ends when the response headers arrive; a server that then stalls
    // the body (or a stream) is cut by this overall deadline, covering every retry and its pause.
    const deadline = new AbortController();
    const deadlineMs = timeout * (maxRetries + 1) + maxRetries * 8_000;
    const timer = setTimeout(() => deadline.abort(), deadlineMs);
    const options = { timeout, maxRetries, signal: deadline.signal };
    const started = Date.now();
    const log = { purpose: request.purpose, model: config.model, round, stream: config.stream };
    try {
      const answer = config.stream ? await this.streamed(body, options) : await this.single(body, options);
      this.logger.info(
        {
          llm: {
            ...log,
            model: answer.model,
            latency_ms: Date.now() - started,
            prompt_tokens: answer.promptTokens,
            completion_tokens: answer.completionTokens,
            outcome: 'answered',
          },
        },
        'model call',
      );
      return answer;
    } catch (error) {
      const failure = deadline.signal.aborted ? new LlmError('timeout', `The model did not answer in time (${request.purpose}).`) : toLlmError(error, request.purpose);
      this.logger.warn({ llm: { ...log, latency_ms: Date.now() - started, outcome: failure.kind, status: failure.status } }, 'model call failed');
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  }

  private async single(body: Record<string, unknown>, options: { timeout: number; maxRetries: number; signal: AbortSignal }): Promise<RawAnswer> {
    const completion = await this.client.chat.completions.create(
      { ...body, stream: false } as unknown as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
      options,
    );
    return {
      content: completion.choices[0]?.message?.content ?? '',
      model: completion.model ?? this.config.model,
      promptTokens: completion.usage?.prompt_tokens ?? null,
      completionTokens: completion.usage?.completion_tokens ?? null,
    };
  }

  private async streamed(body: Record<string, unknown>, options: { timeout: number; maxRetries: number; signal: AbortSignal }): Promise<RawAnswer> {
    const stream = await this.client.chat.completions.create(
      { ...body, stream: true, stream_options: { include_usage: true } } as unknown as OpenAI.Chat.ChatCompletionCreateParamsStreaming,
      options,
    );
    let content = '';
    let model = this.config.model;
    let promptTokens: number | null = null;
    let completionTokens: number | null = null;
    for await (const chunk of stream) {
      if (typeof chunk.model === 'string' && chunk.model !== '') model = chunk.model;
      content += chunk.choices[0]?.delta?.content ?? '';
      if (chunk.usage) {
        promptTokens = chunk.usage.prompt_tokens ?? null;
        completionTokens = chunk.usage.completion_tokens ?? null;
      }
    }
    return { content, model, promptTokens, completionTokens };
  }
}

function toLlmError(error: unknown, purpose: string): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof APIConnectionTimeoutError) return new LlmError('timeout', `The model did not answer in time (${purpose}).`);
  if (error instanceof APIConnectionError) return new LlmError('connection', `The model server could not be reached (${purpose}).`);
  if (error instanceof APIError) {
    return new LlmError('http', `The model server answered ${String(error.status ?? 'an error')} (${purpose}).`, error.status ?? undefined);
  }
  return new LlmError('connection', `The model call failed (${purpose}): ${error instanceof Error ? error.message : String(error)}`);
}

export function createLlmClient(config: LlmConfig | undefined, logger: Logger): LlmClient | undefined {
  return config === undefined ? undefined : new OpenAiCompatibleClient(config, logger.child({ component: 'llm' }));
}
