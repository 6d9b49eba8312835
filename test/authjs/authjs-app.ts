import { Auth, type AuthConfig } from '@auth/core';
import type { Adapter } from '@auth/core/adapters';
import type { Session } from '@auth/core/types';
import { UnstorageAdapter } from '@auth/unstorage-adapter';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';

/** Where the test app runs: Auth.js's routes live under ORIGIN + /auth. */
export const ORIGIN = 'http://localhost:3000';

/** An Auth.js app in memory: the real `Auth()` handler, on the unstorage adapter's memory driver. */
export interface AuthjsApp {
  /** The config every request is handled with. */
  readonly config: AuthConfig;
  /** The database adapter (users, sessions, verification tokens). */
  readonly adapter: Adapter;
  /** Every error Auth.js handed its logger. */
  readonly loggedErrors: Error[];
  /** A browser with its own cookie jar, sending `headers` with every request. */
  browser(headers?: Record<string, string>): AuthjsBrowser;
}

/**
 * Builds an Auth.js app with `providers`, a memory database, and a logger that keeps the errors.
 *
 * @param providers - The providers under test.
 * @param overrides - Other Auth.js settings (`logger: undefined` keeps Auth.js's default logger).
 * @returns The app.
 */
export function authjsApp(providers: AuthConfig['providers'], overrides: Partial<AuthConfig> = {}): AuthjsApp {
  const loggedErrors: Error[] = [];
  const adapter = UnstorageAdapter(createStorage({ driver: memoryDriver() }));
  const config: AuthConfig = {
    providers,
    adapter,
    secret: 'test-secret-of-the-authjs-app-0123456789',
    trustHost: true,
    basePath: '/auth',
    logger: { error: (error) => loggedErrors.push(error) },
    ...overrides,
  };
  return { config, adapter, loggedErrors, browser: (headers = {}) => new AuthjsBrowser(config, headers) };
}

/** A browser talking to the app: it keeps the cookies Auth.js sets and sends them back. */
export class AuthjsBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly config: AuthConfig,
    private readonly headers: Record<string, string>,
  ) {}

  /** The names of the cookies the browser holds. */
  get cookieNames(): string[] {
    return [...this.cookies.keys()];
  }

  /** Sends a request to Auth.js (`path` under the origin, or a whole URL) and keeps its cookies. */
  async fetch(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ ...this.headers, ...(init.headers as Record<string, string> | undefined) });
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await Auth(new Request(new URL(pathOrUrl, ORIGIN), { ...init, headers }), this.config);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  /** Fetches a CSRF token, as Auth.js's sign-in page does. */
  async csrfToken(): Promise<string> {
    const { csrfToken } = (await (await this.fetch('/auth/csrf')).json()) as { csrfToken: string };
    return csrfToken;
  }

  /** Posts the email sign-in form: what the user's browser does on "Sign in with Email". */
  async signInWithEmail(email: string, providerId = 'email', callbackUrl = `${ORIGIN}/dashboard`): Promise<Response> {
    const body = new URLSearchParams({ csrfToken: await this.csrfToken(), email, callbackUrl });
    return this.fetch(`/auth/signin/${providerId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  }

  /** The session Auth.js reports for this browser, or `null` when signed out. */
  async session(): Promise<Session | null> {
    return (await (await this.fetch('/auth/session')).json()) as Session | null;
  }
}
