import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, Route, RouterProvider, createBrowserRouter, createRoutesFromElements } from 'react-router';
import { ApiProvider } from './api/ApiContext';
import { ApiError, createApiClient } from './api/client';
import type { Me } from './api/models';
import { ME_KEY } from './auth/session';
import { ToastProvider } from './components/Toasts';
import { AccountLayout } from './layout/AccountLayout';
import { HomeRedirect } from './layout/HomeRedirect';
import { NotFoundPage } from './layout/NotFoundPage';
import { RequireAuth } from './layout/RequireAuth';
import { AgentProfileEditorPage } from './pages/agent-profiles/AgentProfileEditorPage';
import { AgentProfilesPage } from './pages/agent-profiles/AgentProfilesPage';
import { ApiKeysPage } from './pages/api-keys/ApiKeysPage';
import { MembersPage } from './pages/members/MembersPage';
import { AccountSettingsPage } from './pages/settings/AccountSettingsPage';
import { TeamSettingsPage } from './pages/settings/TeamSettingsPage';
import { ImportParticipantsPage } from './pages/participants/ImportParticipantsPage';
import { ParticipantDetailPage } from './pages/participants/ParticipantDetailPage';
import { ParticipantsPage } from './pages/participants/ParticipantsPage';
import { OutboxMessagePage } from './pages/outbox/OutboxMessagePage';
import { OutboxPage } from './pages/outbox/OutboxPage';
import { SessionDetailPage } from './pages/sessions/SessionDetailPage';
import { SessionsPage } from './pages/sessions/SessionsPage';
import { SignInPage } from './pages/SignInPage';
import { TemplateEditorPage } from './pages/templates/TemplateEditorPage';
import { TemplatesPage } from './pages/templates/TemplatesPage';
import { WebhooksPage } from './pages/webhooks/WebhooksPage';

function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended: forget the user, and RequireAuth sends them to
  // sign-in with the page they were on as the way back.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) client.setQueryData(ME_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
    },
  });
  return client;
}

/**
 * A data router (not <BrowserRouter>): forms with unsaved edits block leaving the page with
 * useBlocker, which only data routers offer.
 */
function createRouter() {
  return createBrowserRouter(
    createRoutesFromElements(
      <>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomeRedirect />} />
          <Route path="a/:slug" element={<AccountLayout />}>
            <Route index element={<Navigate to="participants" replace />} />
            <Route path="participants" element={<ParticipantsPage />} />
            <Route path="participants/import" element={<ImportParticipantsPage />} />
            <Route path="participants/:id" element={<ParticipantDetailPage />} />
            <Route path="sessions" element={<SessionsPage />} />
            <Route path="sessions/:id" element={<SessionDetailPage />} />
            <Route path="outbox" element={<OutboxPage />} />
            <Route path="outbox/:id" element={<OutboxMessagePage />} />
            <Route path="templates" element={<TemplatesPage />} />
            <Route path="templates/new" element={<TemplateEditorPage />} />
            <Route path="templates/:id" element={<TemplateEditorPage />} />
            <Route path="agent-profiles" element={<AgentProfilesPage />} />
            <Route path="agent-profiles/new" element={<AgentProfileEditorPage />} />
            <Route path="agent-profiles/:id" element={<AgentProfileEditorPage />} />
            <Route path="developer/api-keys" element={<ApiKeysPage />} />
            <Route path="developer/webhooks" element={<WebhooksPage />} />
            <Route path="settings/members" element={<MembersPage />} />
            <Route path="settings/team" element={<TeamSettingsPage />} />
            <Route path="settings/account" element={<AccountSettingsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route
            path="*"
            element={
              <main className="main" id="main">
                <NotFoundPage />
              </main>
            }
          />
        </Route>
      </>,
    ),
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [api] = useState(() => createApiClient(() => queryClient.getQueryData<Me | null>(ME_KEY)?.csrf_token));
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={api}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </ApiProvider>
    </QueryClientProvider>
  );
}
