import { purgeExpiredIdempotencyKeys } from '../http/idempotency.js';
import { defineJob } from './registry.js';

/** Periodic clean-up, as jobs: one row per kind, run by whichever runner claims it. */
export const housekeepingJobs = [
  defineJob({
    kind: 'housekeeping.idempotency',
    everyMs: 3_600_000,
    handler: async (ctx) => {
      await purgeExpiredIdempotencyKeys(ctx.database.db, ctx.clock);
    },
  }),
  defineJob({
    kind: 'housekeeping.sessions',
    everyMs: 3_600_000,
    handler: async (ctx) => {
      await ctx.services.auth.purgeExpiredSessions();
    },
  }),
  defineJob({
    kind: 'housekeeping.events',
    everyMs: 6 * 3_600_000,
    handler: async (ctx) => {
      await ctx.services.events.purgeOlderThan(ctx.database.db, ctx.config.eventRetentionDays);
    },
  }),
];
