import { createContext, useContext } from 'react';
import { MANAGER_ROLES, WRITER_ROLES, type AccountSummary } from '../api/models';

export interface CurrentAccount extends AccountSummary {
  /** Owners and admins: API keys and members. */
  canManage: boolean;
  /** Everyone but viewers: participants and templates. */
  canWrite: boolean;
  /** `/a/<slug>` — prefix of every page of this team. */
  base: string;
}

export const AccountContext = createContext<CurrentAccount | null>(null);

export function toCurrentAccount(account: AccountSummary): CurrentAccount {
  return {
    ...account,
    canManage: MANAGER_ROLES.includes(account.role),
    canWrite: WRITER_ROLES.includes(account.role),
    base: `/a/${account.slug}`,
  };
}

export function useAccount(): CurrentAccount {
  const account = useContext(AccountContext);
  if (account === null) throw new Error('useAccount outside of an account page');
  return account;
}
