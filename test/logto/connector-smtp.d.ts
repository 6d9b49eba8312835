// @logto/connector-smtp ships JavaScript only: its default export is a connector-kit factory.
declare module '@logto/connector-smtp' {
  import type { CreateConnector, EmailConnector } from '@logto/connector-kit';

  const createSmtpConnector: CreateConnector<EmailConnector>;
  export default createSmtpConnector;
}
