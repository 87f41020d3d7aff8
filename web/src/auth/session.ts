import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext';
import { ApiError, expectOk, unwrap, type ApiClient } from '../api/client';
import type { Me } from '../api/models';

export const ME_KEY = ['me'] as const;
/** Set when this tab signed out on purpose: sign-in then opens plain, not "back to the page you were on". */
export const SIGNED_OUT_KEY = ['signed-out'] as const;

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(api: ApiClient): Promise<Me | null> {
  const result = await api.GET('/api/auth/me');
  if (result.response.status === 401) return null;
  return (await unwrap(Promise.resolve(result))).data;
}

export function useMe() {
  const api = useApi();
  return useQuery({ queryKey: ME_KEY, queryFn: () => fetchMe(api), staleTime: 5 * 60_000 });
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useSignedInUser(): Me {
  const me = useMe();
  if (me.data === undefined || me.data === null) throw new Error('useSignedInUser outside of RequireAuth');
  return me.data;
}

export function useSignIn() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { email: string; password: string }) =>
      (await unwrap(api.POST('/api/auth/login', { body: credentials }))).data,
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

export function useSignOut() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await expectOk(api.POST('/api/auth/logout'));
      } catch (error) {
        // An expired session is already signed out.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      // "Nobody is signed in" first: RequireAuth then leaves the team's pages in the same render.
      // Clearing the cache first would leave those pages, for one render, with no user at all.
      queryClient.setQueryData(SIGNED_OUT_KEY, true);
      queryClient.setQueryData(ME_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] && query.queryKey[0] !== SIGNED_OUT_KEY[0] });
    },
  });
}

const LAST_ACCOUNT_KEY = 'docket.lastAccount';

export function rememberAccount(slug: string): void {
  try {
    window.localStorage.setItem(LAST_ACCOUNT_KEY, slug);
  } catch {
    // Storage can be disabled; remembering the team is a convenience.
  }
}

/** The team to open after sign-in: the last one used if the user still belongs to it. */
export function preferredAccount(me: Me): string | undefined {
  let last: string | null = null;
  try {
    last = window.localStorage.getItem(LAST_ACCOUNT_KEY);
  } catch {
    last = null;
  }
  const match = me.accounts.find((a) => a.slug === last);
  return (match ?? me.accounts[0])?.slug;
}

/** Where to go after sign-in: only paths inside this app, never another origin. */
export function safeReturnPath(next: string | null): string | undefined {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (next.startsWith('/sign-in')) return undefined;
  return next;
}
