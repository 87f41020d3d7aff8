import { defineJob } from '../../jobs/registry.js';
import { WEBHOOK_FAN_OUT_JOB, WEBHOOK_SEND_JOB } from './webhooks.fan-out.js';

export const webhookJobs = [
  defineJob<{ accountId: string }>({
    kind: WEBHOOK_FAN_OUT_JOB,
    handler: async (ctx, payload) => {
      await ctx.services.webhookFanOut.dispatch(payload.accountId);
    },
  }),
  defineJob<{ endpointId: string }>({
    kind: WEBHOOK_SEND_JOB,
    // Retries only when the database fails it; each delivery keeps its own attempts and schedule.
    maxAttempts: 50,
    handler: async (ctx, payload) => {
      await ctx.services.webhookSender.run(payload.endpointId);
    },
  }),
  defineJob({
    kind: 'housekeeping.webhook-stranded',
    everyMs: 5 * 60_000,
    handler: async (ctx) => {
      await ctx.services.webhookFanOut.sweep();
    },
  }),
  defineJob({
    kind: 'housekeeping.webhooks',
    everyMs: 6 * 3_600_000,
    handler: async (ctx) => {
      await ctx.services.webhooks.purgeOlderThan(ctx.config.webhookRetentionDays);
    },
  }),
];
