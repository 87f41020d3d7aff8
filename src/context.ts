import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from './config/config.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { housekeepingJobs } from './jobs/housekeeping.js';
import * as jobsRepo from './jobs/jobs.repository.js';
import { JobQueue } from './jobs/queue.js';
import { JobRegistry, type JobDefinition } from './jobs/registry.js';
import { JobRunner } from './jobs/runner.js';
import { systemClock, type Clock } from './lib/clock.js';
import { createLogger, type Logger } from './lib/logger.js';
import { createLlmClient, type LlmClient } from './interviewer/llm.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { MailService, mailJobs } from './mail/mail.service.js';
import { OutboundGuard, type LookupFn } from './net/outbound.js';
import { packageVersion } from './lib/package-root.js';
import { AccountsService } from './modules/accounts/accounts.service.js';
import { AgentProfilesService } from './modules/agent-profiles/agent-profiles.service.js';
import { ApiKeysService } from './modules/api-keys/api-keys.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { EventsService } from './modules/events/events.service.js';
import { ParticipantsBatchService } from './modules/participants/participants-batch.service.js';
import { ParticipantsService } from './modules/participants/participants.service.js';
import { ResumeExtractor } from './modules/resumes/resume-extractor.js';
import { ResumeScheduler } from './modules/resumes/resume-scheduler.js';
import { resumeJobs } from './modules/resumes/resumes.jobs.js';
import { ResumesService } from './modules/resumes/resumes.service.js';
import { sessionJobs } from './modules/sessions/sessions.invites.js';
import { SessionsService, type SessionHooks } from './modules/sessions/sessions.service.js';
import { InterviewPlanningService } from './modules/interviews/interview-planning.service.js';
import { InterviewScoringService } from './modules/interviews/interview-scoring.service.js';
import { interviewJobs } from './modules/interviews/interviews.jobs.js';
import { InterviewsService } from './modules/interviews/interviews.service.js';
import { SessionViews } from './modules/sessions/sessions.views.js';
import { TemplatesService } from './modules/templates/templates.service.js';
import { WebhookSender } from './modules/webhooks/webhooks.delivery.js';
import { WebhookFanOut } from './modules/webhooks/webhooks.fan-out.js';
import { webhookJobs } from './modules/webhooks/webhooks.jobs.js';
import { WebhooksService } from './modules/webhooks/webhooks.service.js';

/**
 * The composition root: config → database → clock → logger → mailer → jobs → services. The
 * one place where Docket is wired, used alike by `serve`, `worker`, the CLI commands, the
 * benchmarks and the tests (which pass their own database and clock).
 */

export interface Services {
  accounts: AccountsService;
  agentProfiles: AgentProfilesService;
  apiKeys: ApiKeysService;
  auth: AuthService;
  templates: TemplatesService;
  events: EventsService;
  participants: ParticipantsService;
  participantBatches: ParticipantsBatchService;
  resumes: ResumesService;
  mail: MailService;
  sessions: SessionsService;
  interviews: InterviewsService;
  interviewPlanning: InterviewPlanningService;
  interviewScoring: InterviewScoringService;
  sessionViews: SessionViews;
  webhooks: WebhooksService;
  webhookFanOut: WebhookFanOut;
  webhookSender: WebhookSender;
}

export interface Jobs {
  queue: JobQueue;
  registry: JobRegistry;
  runner: JobRunner;
}

export interface Context {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Prometheus registry of this context (HTTP, jobs, mail). */
  readonly metrics: Registry;
  readonly mailer: Mailer;
  /** The interviewer's model (LLM_*), or undefined: rule-based interviews scored by people. */
  readonly llm: LlmClient | undefined;
  /** Every request to an address someone else chose (webhooks, resumes) goes through this. */
  readonly outbound: OutboundGuard;
  readonly jobs: Jobs;
  readonly services: Services;
  /** Stops the job runner (if started), closes the mailer and the database it opened. */
  close(): Promise<void>;
}

export interface ContextOptions {
  /** An open, migrated database; otherwise one is opened from config. */
  database?: DatabaseHandle;
  /** Whether close() destroys the database (default: only one the context opened itself). */
  ownsDatabase?: boolean;
  /** SQLite: the background checkpoint interval for a database the context opens (0 = none). */
  checkpointIntervalMs?: number;
  clock?: Clock;
  logger?: Logger;
  /** Where JSON logs go when no logger is given (default stdout). */
  logStream?: NodeJS.WritableStream;
  /** Replaces the mailer built from config (never needed outside tests of the mailer itself). */
  mailer?: Mailer;
  /** Replaces the model client built from LLM_* (null: none, whatever the configuration says). */
  llm?: LlmClient | null;
  /** Name resolution of outgoing requests (default: the system resolver; tests resolve no names). */
  lookup?: LookupFn;
}

/** Every job kind Docket runs, by module. */
const JOB_DEFINITIONS: readonly (readonly JobDefinition<never>[])[] = [
  mailJobs,
  housekeepingJobs,
  resumeJobs,
  sessionJobs,
  interviewJobs,
  webhookJobs,
];

export function createContext(config: Config, options: ContextOptions = {}): Context {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel, options.logStream);
  const ownsDatabase = options.ownsDatabase ?? options.database === undefined;
  const database =
    options.database ??
    openDatabase(config.database, {
      onBackgroundError: (error, what) => logger.warn({ err: error }, what),
      ...(options.checkpointIntervalMs !== undefined ? { checkpointIntervalMs: options.checkpointIntervalMs } : {}),
    });

  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics, prefix: 'docket_' });
  const jobOutcomes = new Counter({
    name: 'docket_jobs_outcomes_total',
    help: 'Job runs by kind and outcome (done, retry, dead).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [metrics],
  });
  const mailOutcomes = new Counter({
    name: 'docket_mail_deliveries_total',
    help: 'Mail delivery attempts by transport (smtp, outbox) and outcome (sent, outbox, retry, failed).',
    labelNames: ['transport', 'outcome'] as const,
    registers: [metrics],
  });

  const registry = new JobRegistry();
  for (const definitions of JOB_DEFINITIONS) for (const definition of definitions) registry.register(definition as JobDefinition);
  const queue = new JobQueue({ clock, registry, notifier: database.notifier });

  const llm = options.llm === undefined ? createLlmClient(config.llm, logger) : (options.llm ?? undefined);
  const mailer =
    options.mailer ??
    createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      connectionTimeoutMs: 10_000,
      greetingTimeoutMs: 10_000,
      socketTimeoutMs: 30_000,
    });

  const outbound = new OutboundGuard({
    allow: config.outboundAllow,
    userAgent: `Docket/${packageVersion()} (+${config.publicUrl})`,
    ...(options.lookup !== undefined ? { lookup: options.lookup } : {}),
  });
  const resumeExtractor = new ResumeExtractor({ timeoutMs: config.resumeExtractTimeoutMs, heapMb: config.resumeExtractMemoryMb });

  const agentProfiles = new AgentProfilesService({ database, clock });
  const accounts = new AccountsService({
    database,
    clock,
    onAccountCreated: [(tx, account) => agentProfiles.createStarters(tx, account.id)],
  });
  const apiKeys = new ApiKeysService({ database, clock });
  const auth = new AuthService({ database, clock, accounts, sessionTtlHours: config.sessionTtlHours });
  const templates = new TemplatesService({ database, clock, agentProfiles });
  const events = new EventsService({ clock });
  const mail = new MailService({
    database,
    clock,
    jobs: queue,
    mailer,
    publicUrl: config.publicUrl,
    onOutcome: (transport, outcome) => mailOutcomes.inc({ transport, outcome }),
  });
  const webhookOutcomes = new Counter({
    name: 'docket_webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome (succeeded, retry, failed, skipped).',
    labelNames: ['outcome'] as const,
    registers: [metrics],
  });
  const webhooks = new WebhooksService({
    database,
    clock,
    jobs: queue,
    outbound,
    mail,
    publicUrl: config.publicUrl,
  });
  const webhookFanOut = new WebhookFanOut({ database, clock, jobs: queue, batchDelayMs: config.webhookBatchDelayMs });
  const webhookSender = new WebhookSender({
    database,
    clock,
    jobs: queue,
    outbound,
    concurrency: config.jobsGroupConcurrency,
    mail,
    publicUrl: config.publicUrl,
    timeoutMs: config.webhookTimeoutMs,
    onOutcome: (outcome) => webhookOutcomes.inc({ outcome }),
  });
  // Every recorded event is marked, in its own transaction, for the endpoints it goes to.
  events.fanOutWith((tx, accountId, rows) => webhookFanOut.fanOut(tx, accountId, rows));
  const resumeScheduler = new ResumeScheduler({ jobs: queue });
  const participantDeps = { database, clock, templates, events, resumes: resumeScheduler };
  // Participants and sessions know each other: deleting a participant cancels their sessions,
  // booking a session reads the participant. The hook below is called only after both exist.
  const participants: ParticipantsService = new ParticipantsService({
    ...participantDeps,
    sessions: { cancelOpenOfParticipant: (...args) => sessions.cancelOpenOfParticipant(...args) },
  });
  const sessionHooks: SessionHooks = { created: [] };
  const sessions = new SessionsService({
    database,
    clock,
    events,
    mail,
    jobs: queue,
    participants,
    templates,
    accounts,
    publicUrl: config.publicUrl,
    reminderOffsets: config.reminderOffsets,
    joinLinkSecret: config.joinLinkSecret,
    hooks: sessionHooks,
  });
  // The interviewer plans every new session and has a say in its scorecard.
  const resumes = new ResumesService({
    database,
    clock,
    logger,
    events,
    participants,
    templates,
    scheduler: resumeScheduler,
    outbound,
    extractor: resumeExtractor,
    fetchTimeoutMs: config.resumeFetchTimeoutMs,
  });
  const interviewDeps = { database, clock, logger: logger.child({ component: 'interviewer' }), llm, jobs: queue, sessions, templates };
  const interviewPlanning = new InterviewPlanningService({ ...interviewDeps, agentProfiles, participants, resumes });
  const interviews = new InterviewsService({ ...interviewDeps, planning: interviewPlanning, config: config.interview });
  const interviewScoring = new InterviewScoringService(interviewDeps);
  sessionHooks.created.push((tx, row) => interviewPlanning.onSessionCreated(tx, row));
  sessionHooks.scorecard = interviewScoring;
  const services: Services = {
    accounts,
    agentProfiles,
    apiKeys,
    auth,
    templates,
    events,
    participants,
    participantBatches: new ParticipantsBatchService(participantDeps),
    resumes,
    mail,
    sessions,
    interviews,
    interviewPlanning,
    interviewScoring,
    sessionViews: new SessionViews({ sessions, participants, templates, mail, db: database.db }),
    webhooks,
    webhookFanOut,
    webhookSender,
  };

  const holder: { context?: Context } = {};
  const runner = new JobRunner(
    {
      database,
      clock,
      logger: logger.child({ component: 'jobs' }),
      registry,
      context: () => {
        if (holder.context === undefined) throw new Error('context not ready');
        return holder.context;
      },
      onOutcome: (kind, outcome) => jobOutcomes.inc({ kind, outcome }),
    },
    {
      concurrency: config.jobsConcurrency,
      pollIntervalMs: config.jobsPollIntervalMs,
      groupConcurrency: config.jobsGroupConcurrency,
    },
  );
  registerQueueGauges(metrics, database, clock);
  new Counter({
    name: 'docket_db_transaction_retries_total',
    help: 'Transactions run again after a deadlock or a serialization failure (PostgreSQL), by cause.',
    labelNames: ['cause'] as const,
    registers: [metrics],
    collect() {
      this.reset();
      this.inc({ cause: 'deadlock' }, database.stats.deadlockRetries);
      this.inc({ cause: 'serialization' }, database.stats.serializationRetries);
    },
  });
  new Counter({
    name: 'docket_db_transactions_committed_total',
    help: 'Transactions committed (outermost ones).',
    registers: [metrics],
    collect() {
      this.reset();
      this.inc(database.stats.committedTransactions);
    },
  });
  new Counter({
    name: 'docket_db_commits_total',
    help: 'Commits that carried them: on SQLite, transactions ready at the same time share one commit.',
    registers: [metrics],
    collect() {
      this.reset();
      this.inc(database.stats.commits);
    },
  });

  let closed = false;
  const context: Context = {
    config,
    database,
    clock,
    logger,
    metrics,
    mailer,
    llm,
    outbound,
    jobs: { queue, registry, runner },
    services,
    close: async () => {
      if (closed) return;
      closed = true;
      if (runner.isRunning) await runner.stop(config.shutdownTimeoutMs);
      mailer.close();
      await resumeExtractor.close();
      await outbound.close();
      if (ownsDatabase) await database.destroy();
    },
  };
  holder.context = context;
  return context;
}

/** Queue depth by kind and state, and the age of the oldest due job, read at scrape time. */
function registerQueueGauges(metrics: Registry, database: DatabaseHandle, clock: Clock): void {
  let last: Promise<jobsRepo.QueueStats> | undefined;
  // Both gauges are collected in one scrape: one query serves them.
  const stats = (): Promise<jobsRepo.QueueStats> => {
    last ??= jobsRepo.queueStats(database.db, clock.now().toISOString()).finally(() => {
      setImmediate(() => {
        last = undefined;
      });
    });
    return last;
  };
  new Gauge({
    name: 'docket_jobs_queue_depth',
    help: 'Jobs in the queue by kind and state (pending, running, dead).',
    labelNames: ['kind', 'status'] as const,
    registers: [metrics],
    async collect() {
      this.reset();
      try {
        for (const row of (await stats()).depth) this.set({ kind: row.kind, status: row.status }, row.count);
      } catch {
        // The database is unreachable: /readyz says so; the metric is left empty.
      }
    },
  });
  new Gauge({
    name: 'docket_jobs_oldest_due_seconds',
    help: 'Age of the oldest job that is due and not yet running (0 when none).',
    registers: [metrics],
    async collect() {
      try {
        const oldest = (await stats()).oldestDueRunAt;
        this.set(oldest === null ? 0 : Math.max(0, (clock.now().getTime() - new Date(oldest).getTime()) / 1000));
      } catch {
        this.set(0);
      }
    },
  });
}
