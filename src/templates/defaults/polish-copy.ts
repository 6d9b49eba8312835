/**
 * The Polish default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Polish copy (`locale: 'pl'`), worded so that no verb depends on the reader's gender. */
export const polishCopy: LanguageCopy = {
  locale: 'pl',
  lang: 'pl',
  subjects: {
    Register: 'Potwierdź swój adres e-mail',
    SignIn: 'Twój kod logowania',
    ForgotPassword: 'Zresetuj hasło',
    Generic: 'Twój kod weryfikacyjny',
    OrganizationInvitation: 'Zaproszenie do {organization}',
    UserPermissionValidation: 'Potwierdź, że to Ty',
    BindNewIdentifier: 'Potwierdź nowy adres e-mail',
    MfaVerification: 'Twój kod weryfikacji dwuetapowej',
    BindMfa: 'Skonfiguruj weryfikację dwuetapową',
    MagicLink: 'Twój link do logowania',
    VerifyEmailLink: 'Potwierdź swój adres e-mail',
    ResetPasswordLink: 'Zresetuj hasło',
  },
  purposes: {
    Register: 'Wpisz ten kod, aby potwierdzić adres e-mail i dokończyć zakładanie konta.',
    SignIn: 'Wpisz ten kod, aby zalogować się na swoje konto.',
    ForgotPassword: 'Wpisz ten kod, aby zresetować hasło do swojego konta.',
    Generic: 'Wpisz ten kod, aby potwierdzić swój adres e-mail.',
    OrganizationInvitation: 'Wpisz ten kod, aby przyjąć zaproszenie.',
    UserPermissionValidation: 'Wpisz ten kod, aby potwierdzić, że to Ty, zanim zmienisz ustawienia konta.',
    BindNewIdentifier: 'Wpisz ten kod, aby dodać ten adres e-mail do swojego konta.',
    MfaVerification: 'Wpisz ten kod, aby dokończyć logowanie na swoje konto.',
    BindMfa: 'Wpisz ten kod, aby używać tego adresu e-mail do weryfikacji dwuetapowej.',
  },
  linkPurposes: {
    MagicLink: 'Otwórz ten link, aby zalogować się na swoje konto.',
    VerifyEmailLink: 'Otwórz ten link, aby potwierdzić swój adres e-mail.',
    ResetPasswordLink: 'Otwórz ten link, aby ustawić nowe hasło do swojego konta.',
  },
  linkLabels: {
    MagicLink: 'Zaloguj się',
    VerifyEmailLink: 'Potwierdź adres e-mail',
    ResetPasswordLink: 'Zresetuj hasło',
  },
  notice: 'Ten kod wkrótce wygaśnie. Nie udostępniaj go nikomu.',
  linkNotice: 'Ten link wkrótce wygaśnie. Nie udostępniaj go nikomu.',
  orLink: 'Możesz też użyć tego przycisku:',
  linkLabel: 'Dalej',
  invited: 'Otrzymujesz zaproszenie do {organization}.',
  invitedBy: '{inviter} zaprasza Cię do {organization}.',
  acceptLabel: 'Przyjmij zaproszenie',
  orCode: 'Lub wpisz ten kod:',
  organization: 'organizacji',
  footer: 'Jeśli to nie Ty, zignoruj tę wiadomość.',
  invitationFooter: 'Jeśli nie spodziewasz się tego zaproszenia, zignoruj tę wiadomość.',
};
