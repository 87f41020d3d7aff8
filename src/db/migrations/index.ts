import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-participants.js';
import * as m0002b from './0002-participants-documents.js';
import * as m0003 from './0003-platform.js';
import * as m0004 from './0004-hardening.js';
import * as m0005 from './0005-participant-sorting.js';
import * as m0006 from './0006-sessions.js';
import * as m0008 from './0008-resumes.js';
import * as m0009a from './0009-agent-profiles.js';
import * as m0009b from './0009-interviews.js';
import * as m0010 from './0010-webhooks.js';
import * as m0011a from './0011-auth-version.js';
import * as m0011b from './0011-participant-counts.js';
import * as m0012 from './0012-webhook-fan-out.js';

/** Every migration, in order. Names sort; never rename or edit one that has landed. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-participants': m0002,
  '0002-participants-documents': m0002b,
  '0003-platform': m0003,
  '0004-hardening': m0004,
  '0005-participant-sorting': m0005,
  '0006-sessions': m0006,
  '0008-resumes': m0008,
  '0009-agent-profiles': m0009a,
  '0009-interviews': m0009b,
  '0010-webhooks': m0010,
  '0011-auth-version': m0011a,
  '0011-participant-counts': m0011b,
  '0012-webhook-fan-out': m0012,
};
