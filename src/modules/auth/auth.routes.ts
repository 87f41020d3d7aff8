import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/app-types.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../http/auth.js';
import { AppError } from '../../errors.js';
import { DataEnvelope, ErrorBody, NoContent } from '../../http/schemas.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { LoginBody, MeSchema, PasswordChangeBody } from './auth.schemas.js';
import type { AuthService, SignedInUser } from './auth.service.js';

const tags = ['Dashboard sign-in'];

export function registerAuthRoutes(
  app: App,
  deps: { auth: AuthService; accounts: AccountsService; secureCookies: boolean },
): void {
  const me = async (signedIn: SignedInUser) => ({
    user: signedIn.user,
    accounts: await deps.accounts.accountsOfUser(signedIn.user.id),
    csrf_token: signedIn.csrfToken,
  });

  const current = async (request: FastifyRequest): Promise<{ token: string; session: SignedInUser }> => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token === undefined || token === '' ? undefined : await deps.auth.resolveSession(token);
    if (token === undefined || session === undefined) throw new AppError('unauthenticated', 'Not signed in.');
    return { token, session };
  };

  app.post('/api/auth/login', {
    schema: {
      tags,
      summary: 'Sign in to the dashboard',
      description: 'Sets an HttpOnly, SameSite=Lax session cookie. Repeated failures are throttled (429 with Retry-After).',
      body: LoginBody,
      response: { 200: DataEnvelope(MeSchema), 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
    },
    handler: async (request, reply) => {
      const result = await deps.auth.login(request.body.email, request.body.password, request.ip);
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.secureCookies,
        path: '/',
        expires: result.expiresAt,
      });
      return { data: await me(result) };
    },
  });

  /** The signed-in session of a state-changing dashboard request, its CSRF token checked. */
  const currentChecked = async (request: FastifyRequest): Promise<{ token: string; session: SignedInUser }> => {
    const found = await current(request);
    if (request.headers[CSRF_HEADER] !== found.session.csrfToken) {
      throw new AppError('csrf_failed', 'The CSRF token is missing or wrong.');
    }
    return found;
  };

  // Session and CSRF token are checked before the body is read: a caller without them learns
  // nothing about what the route takes.
  const signedIn = new WeakMap<FastifyRequest, { token: string; session: SignedInUser }>();
  const requireSession = async (request: FastifyRequest) => {
    signedIn.set(request, await currentChecked(request));
  };
  const sessionOf = async (request: FastifyRequest) => signedIn.get(request) ?? currentChecked(request);

  app.post('/api/auth/password', {
    onRequest: requireSession,
    schema: {
      tags,
      summary: "Change the signed-in user's password",
      description:
        'Needs the current password. Every other session of the user ends; this one stays signed in. Wrong current passwords are throttled like sign-in (429 with Retry-After).',
      body: PasswordChangeBody,
      response: { 204: NoContent, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
    },
    handler: async (request, reply) => {
      const { session } = await sessionOf(request);
      await deps.auth.changePassword(session, request.body.current_password, request.body.new_password);
      return reply.code(204).send();
    },
  });

  app.post('/api/auth/logout', {
    onRequest: requireSession,
    schema: {
      tags,
      summary: 'Sign out (ends the session)',
      response: { 204: NoContent, 401: ErrorBody, 403: ErrorBody },
    },
    handler: async (request, reply) => {
      const { token } = await sessionOf(request);
      await deps.auth.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  });

  app.get('/api/auth/me', {
    schema: {
      tags,
      summary: 'The signed-in user, their accounts and the CSRF token',
      response: { 200: DataEnvelope(MeSchema), 401: ErrorBody },
    },
    handler: async (request) => ({ data: await me((await current(request)).session) }),
  });
}
