/**
 * The German default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The German copy (`locale: 'de'`), addressing the reader as „Sie“. */
export const germanCopy: LanguageCopy = {
  locale: 'de',
  lang: 'de',
  subjects: {
    Register: 'Bestätigen Sie Ihre E-Mail-Adresse',
    SignIn: 'Ihr Anmeldecode',
    ForgotPassword: 'Passwort zurücksetzen',
    Generic: 'Ihr Bestätigungscode',
    OrganizationInvitation: 'Einladung zu {organization}',
    UserPermissionValidation: 'Bestätigen Sie, dass Sie es sind',
    BindNewIdentifier: 'Bestätigen Sie Ihre neue E-Mail-Adresse',
    MfaVerification: 'Ihr Code für die Bestätigung in zwei Schritten',
    BindMfa: 'Bestätigung in zwei Schritten einrichten',
    MagicLink: 'Ihr Anmeldelink',
    VerifyEmailLink: 'Bestätigen Sie Ihre E-Mail-Adresse',
    ResetPasswordLink: 'Passwort zurücksetzen',
  },
  purposes: {
    Register: 'Geben Sie diesen Code ein, um Ihre E-Mail-Adresse zu bestätigen und die Erstellung Ihres Kontos abzuschließen.',
    SignIn: 'Geben Sie diesen Code ein, um sich bei Ihrem Konto anzumelden.',
    ForgotPassword: 'Geben Sie diesen Code ein, um das Passwort Ihres Kontos zurückzusetzen.',
    Generic: 'Geben Sie diesen Code ein, um Ihre E-Mail-Adresse zu bestätigen.',
    OrganizationInvitation: 'Geben Sie diesen Code ein, um die Einladung anzunehmen.',
    UserPermissionValidation: 'Geben Sie diesen Code ein, um zu bestätigen, dass Sie es sind, bevor Sie Ihre Kontoeinstellungen ändern.',
    BindNewIdentifier: 'Geben Sie diesen Code ein, um diese E-Mail-Adresse zu Ihrem Konto hinzuzufügen.',
    MfaVerification: 'Geben Sie diesen Code ein, um die Anmeldung bei Ihrem Konto abzuschließen.',
    BindMfa: 'Geben Sie diesen Code ein, um diese E-Mail-Adresse für die Bestätigung in zwei Schritten zu verwenden.',
  },
  linkPurposes: {
    MagicLink: 'Öffnen Sie diesen Link, um sich bei Ihrem Konto anzumelden.',
    VerifyEmailLink: 'Öffnen Sie diesen Link, um Ihre E-Mail-Adresse zu bestätigen.',
    ResetPasswordLink: 'Öffnen Sie diesen Link, um ein neues Passwort für Ihr Konto festzulegen.',
  },
  linkLabels: {
    MagicLink: 'Anmelden',
    VerifyEmailLink: 'E-Mail-Adresse bestätigen',
    ResetPasswordLink: 'Passwort zurücksetzen',
  },
  notice: 'Dieser Code läuft bald ab. Geben Sie ihn an niemanden weiter.',
  linkNotice: 'Dieser Link läuft bald ab. Geben Sie ihn an niemanden weiter.',
  orLink: 'Sie können auch diese Schaltfläche verwenden:',
  linkLabel: 'Weiter',
  invited: 'Sie wurden eingeladen, {organization} beizutreten.',
  invitedBy: '{inviter} hat Sie eingeladen, {organization} beizutreten.',
  acceptLabel: 'Einladung annehmen',
  orCode: 'Oder geben Sie diesen Code ein:',
  organization: 'einer Organisation',
  footer: 'Wenn Sie dies nicht angefordert haben, können Sie diese E-Mail ignorieren.',
  invitationFooter: 'Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.',
};
