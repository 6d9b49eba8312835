// src/index.ts of a Logto connector package (built to lib/index.js, which Logto loads): Logto's
// emails sent with auth-mailer, in place of @logto/connector-smtp. The package's package.json lists
// auth-mailer and @logto/connector-kit under "dependencies".
import { createMemoryRateLimitStore } from 'auth-mailer';
import { defineSmtpConnector } from 'auth-mailer/logto';

// One count for every mailer the connector creates: saving a new config in Logto's console
// replaces the mailer, not the counts.
const rateLimitStore = createMemoryRateLimitStore();

const createConnector = defineSmtpConnector({
  mailerOptions: {
    rateLimit: { limit: 5, window: 10 * 60_000, store: rateLimitStore, foldSubaddresses: true },
    retry: { attempts: 3, deadline: 20_000 },
  },
});

// Logto calls the default export with { getConfig, getI18nEmailTemplate } and sends with
// sendMessage({ to, type, payload }) the connector it returns.
export default createConnector;
