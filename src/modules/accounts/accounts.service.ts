import type { DatabaseHandle, Executor, Tx } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import { recordOutcome } from '../../db/transaction.js';
import type { AccountRow, UserRow } from '../../db/schema.js';
import { MANAGER_ROLES, type Role } from '../../lib/access.js';
import { AppError, notFound } from '../../errors.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import { ACCOUNT_SLUG_PATTERN } from '../../lib/formats.js';
import { hashPassword } from '../../lib/secrets.js';
import * as repo from './accounts.repository.js';

export interface Member {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: string;
  updated_at: string;
}

export interface AccountSummary {
  id: string;
  slug: string;
  name: string;
  role: Role;
}

/** What other modules add to a new account, in the transaction that creates it (e.g. starter agent profiles). */
export type AccountCreatedHook = (tx: Tx, account: AccountRow) => Promise<void>;

export class AccountsService {
  constructor(private readonly deps: { database: DatabaseHandle; clock: Clock; onAccountCreated?: readonly AccountCreatedHook[] }) {}

  async createAccount(input: { slug: string; name: string }): Promise<AccountRow> {
    if (!ACCOUNT_SLUG_PATTERN.test(input.slug)) {
      throw new AppError('validation_failed', 'The account slug is invalid.', [
        { path: 'slug', message: 'must be 3–48 characters of a-z, 0-9 and "-"', code: 'invalid_pattern' },
      ]);
    }
    const now = isoNow(this.deps.clock);
    const row: AccountRow = { id: newId(), slug: input.slug, name: input.name, created_at: now, updated_at: now };
    try {
      await this.deps.database.transaction(async (tx) => {
        await repo.insertAccount(tx, row);
        for (const hook of this.deps.onAccountCreated ?? []) await hook(tx, row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('account_exists', `An account with slug "${input.slug}" already exists.`);
      throw error;
    }
    return row;
  }

  /** For other modules (e.g. the team's name in an invite); `db` may be an open transaction. */
  findAccount(id: string, db: Executor = this.deps.database.db): Promise<AccountRow | undefined> {
    return repo.findAccountById(db, id);
  }

  findAccountBySlug(slug: string): Promise<AccountRow | undefined> {
    return repo.findAccountBySlug(this.deps.database.db, slug);
  }

  countAccounts(): Promise<number> {
    return repo.countAccounts(this.deps.database.db);
  }

  findUserByEmail(email: string): Promise<UserRow | undefined> {
    return repo.findUserByEmail(this.deps.database.db, email.trim().toLowerCase());
  }

  findUserById(id: string): Promise<UserRow | undefined> {
    return repo.findUserById(this.deps.database.db, id);
  }

  async createUser(input: { email: string; name: string; password: string }): Promise<UserRow> {
    const now = isoNow(this.deps.clock);
    const row: UserRow = {
      id: newId(),
      email: input.email.trim().toLowerCase(),
      name: input.name,
      password_hash: await hashPassword(input.password),
      created_at: now,
      updated_at: now,
    };
    try {
      await repo.insertUser(this.deps.database.db, row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('user_exists', `A user with email ${row.email} already exists.`);
      throw error;
    }
    return row;
  }

  /** Sets a user's password (an operator's reset; sign-out everywhere is the caller's). */
  async setPassword(userId: string, password: string): Promise<void> {
    await repo.updatePasswordHash(this.deps.database.db, userId, await hashPassword(password), isoNow(this.deps.clock));
  }

  async getAccount(accountId: string): Promise<AccountRow> {
    const row = await repo.findAccountById(this.deps.database.db, accountId);
    if (row === undefined) throw notFound('Account');
    return row;
  }

  /** Renames the team; its slug (in every URL) stays. */
  async renameAccount(accountId: string, name: string): Promise<AccountRow> {
    const now = isoNow(this.deps.clock);
    await this.deps.database.transaction((tx) => repo.updateAccountName(tx, accountId, name, now));
    return this.getAccount(accountId);
  }

  async addMembership(accountId: string, userId: string, role: Role, db: Executor = this.deps.database.db): Promise<void> {
    const now = isoNow(this.deps.clock);
    try {
      await repo.insertMembership(db, { account_id: accountId, user_id: userId, role, created_at: now, updated_at: now });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('member_exists', 'That user is already a member of this account.');
      throw error;
    }
  }

  async membershipBySlug(userId: string, slug: string): Promise<AccountSummary | undefined> {
    const row = await repo.findMembershipBySlug(this.deps.database.db, userId, slug);
    return row === undefined ? undefined : { id: row.account_id, slug: row.slug, name: row.name, role: row.role as Role };
  }

  async accountsOfUser(userId: string): Promise<AccountSummary[]> {
    const rows = await repo.listMembershipsOfUser(this.deps.database.db, userId);
    return rows.map((r) => ({ id: r.account_id, slug: r.slug, name: r.name, role: r.role as Role }));
  }

  async listMembers(accountId: string): Promise<Member[]> {
    return (await repo.listMembers(this.deps.database.db, accountId)).map(toMember);
  }

  /**
   * Adds a person to the account: an existing user (by email) gets a membership; a new one is
   * created with the given name and initial password.
   */
  async addMember(
    accountId: string,
    actorRole: Role,
    input: { email: string; name?: string | undefined; password?: string | undefined; role: Role },
  ): Promise<Member> {
    assertMayGrant(actorRole, input.role);
    const email = input.email.trim().toLowerCase();
    let user = await repo.findUserByEmail(this.deps.database.db, email);
    if (user === undefined) {
      const issues = [];
      // Nobody has signed in with this email yet, so a login is created: it needs these two.
      if (input.name === undefined || input.name === '') {
        issues.push({ path: 'name', message: 'is required: no Docket user has this email yet', code: 'required' });
      }
      if (input.password === undefined) {
        issues.push({ path: 'password', message: 'is required: no Docket user has this email yet', code: 'required' });
      }
      if (issues.length > 0) {
        throw new AppError('validation_failed', `No Docket user has the email ${email} yet: give a name and an initial password to create their login.`, issues);
      }
      try {
        user = await this.createUser({ email, name: input.name as string, password: input.password as string });
      } catch (error) {
        // Created concurrently by another request: use that user.
        if (!(error instanceof AppError && error.code === 'user_exists')) throw error;
        user = await repo.findUserByEmail(this.deps.database.db, email);
        if (user === undefined) throw error;
      }
    }
    const userId = user.id;
    return this.deps.database.transaction(async (tx) => {
      await this.addMembership(accountId, userId, input.role, tx);
      const member = await repo.findMember(tx, accountId, userId);
      if (member === undefined) throw notFound('Member');
      recordOutcome(tx, toMember(member));
      return toMember(member);
    });
  }

  async changeRole(accountId: string, actorRole: Role, userId: string, role: Role): Promise<Member> {
    return this.deps.database.transaction(async (tx) => {
      await repo.lockAccount(tx, accountId);
      const member = await repo.findMember(tx, accountId, userId);
      if (member === undefined) throw notFound('Member');
      assertMayGrant(actorRole, role);
      assertMayGrant(actorRole, member.role as Role);
      if (member.role === 'owner' && role !== 'owner' && (await repo.countOwners(tx, accountId)) <= 1) {
        throw new AppError('last_owner', 'An account needs at least one owner; make someone else owner first.');
      }
      const now = isoNow(this.deps.clock);
      await repo.updateMembershipRole(tx, accountId, userId, role, now);
      return toMember({ ...member, role, updated_at: now });
    });
  }

  async removeMember(accountId: string, actorRole: Role, userId: string): Promise<void> {
    await this.deps.database.transaction(async (tx) => {
      await repo.lockAccount(tx, accountId);
      const member = await repo.findMember(tx, accountId, userId);
      if (member === undefined) throw notFound('Member');
      assertMayGrant(actorRole, member.role as Role);
      if (member.role === 'owner' && (await repo.countOwners(tx, accountId)) <= 1) {
        throw new AppError('last_owner', 'An account needs at least one owner; it cannot be removed.');
      }
      await repo.deleteMembership(tx, accountId, userId);
    });
  }
}

/** Admins manage admins, members and viewers; only owners grant or take away ownership. */
function assertMayGrant(actorRole: Role, role: Role): void {
  if (!MANAGER_ROLES.includes(actorRole)) {
    throw new AppError('forbidden', 'Only owners and admins manage members.');
  }
  if (role === 'owner' && actorRole !== 'owner') {
    throw new AppError('forbidden', 'Only an owner can grant or change the owner role.');
  }
}

function toMember(row: repo.MemberRow): Member {
  return {
    user_id: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
