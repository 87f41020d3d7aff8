import { defineJob } from '../../jobs/registry.js';
import { DELIVERY_MAX_ATTEMPTS, retryDelayMs } from './webhooks.delivery.js';
import { WEBHOOK_DELIVER_JOB } from './webhooks.service.js';

export const webhookJobs = [
  defineJob<{ deliveryId: string }>({
    kind: WEBHOOK_DELIVER_JOB,
    maxAttempts: DELIVERY_MAX_ATTEMPTS,
    backoffMs: retryDelayMs,
    handler: async (ctx, payload, job) => ctx.services.webhookSender.attempt(payload.deliveryId, job),
  }),
  defineJob({
    kind: 'housekeeping.webhooks',
    everyMs: 6 * 3_600_000,
    handler: async (ctx) => {
      await ctx.services.webhooks.purgeOlderThan(ctx.config.webhookRetentionDays);
    },
  }),
];
