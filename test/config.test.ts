import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';

describe('configuration', () => {
  it('has working defaults: SQLite under ./data, port 3000', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ dialect: 'sqlite', filename: './data/docket.db' });
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.rateLimitPerSecond).toBe(100);
    expect(config.rateLimitBurst).toBe(200);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
    expect(config).toMatchObject({
      jobsInProcess: true,
      jobsConcurrency: 8,
      jobsPollIntervalMs: 1000,
      smtpUrl: undefined,
      mailFrom: 'Docket <no-reply@localhost>',
      eventRetentionDays: 30,
      databaseWaitSeconds: 60,
      outboundAllow: [],
    });
  });

  it('runs without a model unless LLM_MODEL is set; a model defaults to OpenAI with explicit limits', () => {
    expect(loadConfig({}).llm).toBeUndefined();
    expect(loadConfig({}).interview.abandonAfterMinutes).toBe(30);
    expect(loadConfig({ LLM_MODEL: 'gpt-4o-mini', LLM_API_KEY: 'sk-x' }).llm).toEqual({
      baseUrl: 'https://api.openai.com/v1',
      apiKey: 'sk-x',
      model: 'gpt-4o-mini',
      timeoutMs: 60_000,
      maxRetries: 2,
      tokenParam: 'max_completion_tokens',
      maxOutputTokens: 2000,
      responseFormat: 'json_schema',
      stream: false,
    });
    const ollama = loadConfig({ LLM_MODEL: 'llama3.1:8b', LLM_BASE_URL: 'http://127.0.0.1:11434/v1/', LLM_TIMEOUT_MS: '120000', LLM_STREAM: 'true' }).llm;
    expect(ollama).toMatchObject({ baseUrl: 'http://127.0.0.1:11434/v1', apiKey: undefined, tokenParam: 'max_tokens', timeoutMs: 120_000, stream: true });
  });

  it('reminds 24 h and 1 h before by default; REMINDER_OFFSETS changes it, largest first; none turns it off', () => {
    expect(loadConfig({}).reminderOffsets).toEqual([
      { label: '24h', ms: 86_400_000 },
      { label: '1h', ms: 3_600_000 },
    ]);
    expect(loadConfig({ REMINDER_OFFSETS: ' 30m, 2d ,1H' }).reminderOffsets).toEqual([
      { label: '2d', ms: 172_800_000 },
      { label: '1h', ms: 3_600_000 },
      { label: '30m', ms: 1_800_000 },
    ]);
    expect(loadConfig({ REMINDER_OFFSETS: 'none' }).reminderOffsets).toEqual([]);
  });

  it('selects PostgreSQL from DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DATABASE_POOL_SIZE: '4' });
    expect(config.database).toEqual({ dialect: 'postgres', connectionString: 'postgres://postgres@127.0.0.1:5432/test', poolSize: 4 });
  });

  const bad: Array<[string, Record<string, string>]> = [
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['DATABASE_URL', { DATABASE_URL: 'sqlite:' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'ftp://example.com' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['RATE_LIMIT_PER_SECOND', { RATE_LIMIT_PER_SECOND: '0' }],
    ['DOCKET_API_KEY', { DOCKET_API_KEY: 'iv_live_short' }],
    ['DOCKET_ACCOUNT_SLUG', { DOCKET_ACCOUNT_SLUG: 'Bad Slug' }],
    ['DOCKET_ADMIN_PASSWORD', { DOCKET_ADMIN_PASSWORD: 'short' }],
    ['SECURE_COOKIES', { SECURE_COOKIES: 'maybe' }],
    ['LLM_MODEL', { LLM_BASE_URL: 'http://127.0.0.1:11434/v1' }],
    ['LLM_MODEL', { LLM_API_KEY: 'sk-x' }],
    ['LLM_BASE_URL', { LLM_MODEL: 'llama3.1', LLM_BASE_URL: 'ftp://models' }],
    ['LLM_TOKEN_PARAM', { LLM_MODEL: 'm', LLM_TOKEN_PARAM: 'max_new_tokens' }],
    ['LLM_RESPONSE_FORMAT', { LLM_MODEL: 'm', LLM_RESPONSE_FORMAT: 'xml' }],
    ['LLM_TIMEOUT_MS', { LLM_MODEL: 'm', LLM_TIMEOUT_MS: 'soon' }],
    ['INTERVIEW_ABANDON_MINUTES', { INTERVIEW_ABANDON_MINUTES: '0' }],
    ['REMINDER_OFFSETS', { REMINDER_OFFSETS: 'tomorrow' }],
    ['REMINDER_OFFSETS', { REMINDER_OFFSETS: '24h,24h' }],
    ['REMINDER_OFFSETS', { REMINDER_OFFSETS: '0m' }],
    ['REMINDER_OFFSETS', { REMINDER_OFFSETS: '31d' }],
    ['REMINDER_OFFSETS', { REMINDER_OFFSETS: '1h,2h,3h,4h,5h,6h' }],
    ['JOIN_LINK_SECRET', { JOIN_LINK_SECRET: 'too short' }],
    ['OUTBOUND_ALLOW', { OUTBOUND_ALLOW: '127.0.0.1:0' }],
    ['SMTP_URL', { SMTP_URL: 'http://mail.example.com' }],
    ['MAIL_FROM', { MAIL_FROM: 'not an address' }],
    ['JOBS_IN_PROCESS', { JOBS_IN_PROCESS: 'sometimes' }],
    ['JOBS_CONCURRENCY', { JOBS_CONCURRENCY: '0' }],
    ['DATABASE_WAIT_SECONDS', { DATABASE_WAIT_SECONDS: 'forever' }],
    ['EVENT_RETENTION_DAYS', { EVENT_RETENTION_DAYS: '0' }],
  ];
  for (const [variable, env] of bad) {
    it(`stops on a bad ${variable} with a message naming it (${JSON.stringify(env)})`, () => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(variable);
    });
  }
});
