/**
 * The Swedish default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Swedish copy (`locale: 'sv'`). */
export const swedishCopy: LanguageCopy = {
  locale: 'sv',
  lang: 'sv',
  subjects: {
    Register: 'Bekräfta din e-postadress',
    SignIn: 'Din inloggningskod',
    ForgotPassword: 'Återställ ditt lösenord',
    Generic: 'Din verifieringskod',
    OrganizationInvitation: 'Inbjudan till {organization}',
    UserPermissionValidation: 'Bekräfta att det är du',
    BindNewIdentifier: 'Bekräfta din nya e-postadress',
    MfaVerification: 'Din kod för tvåstegsverifiering',
    BindMfa: 'Konfigurera tvåstegsverifiering',
    MagicLink: 'Din inloggningslänk',
    VerifyEmailLink: 'Bekräfta din e-postadress',
    ResetPasswordLink: 'Återställ ditt lösenord',
  },
  purposes: {
    Register: 'Ange den här koden för att bekräfta din e-postadress och slutföra skapandet av ditt konto.',
    SignIn: 'Ange den här koden för att logga in på ditt konto.',
    ForgotPassword: 'Ange den här koden för att återställa lösenordet till ditt konto.',
    Generic: 'Ange den här koden för att bekräfta din e-postadress.',
    OrganizationInvitation: 'Ange den här koden för att tacka ja till inbjudan.',
    UserPermissionValidation: 'Ange den här koden för att bekräfta att det är du innan du ändrar inställningarna för ditt konto.',
    BindNewIdentifier: 'Ange den här koden för att lägga till den här e-postadressen i ditt konto.',
    MfaVerification: 'Ange den här koden för att slutföra inloggningen på ditt konto.',
    BindMfa: 'Ange den här koden för att använda den här e-postadressen för tvåstegsverifiering.',
  },
  linkPurposes: {
    MagicLink: 'Öppna den här länken för att logga in på ditt konto.',
    VerifyEmailLink: 'Öppna den här länken för att bekräfta din e-postadress.',
    ResetPasswordLink: 'Öppna den här länken för att välja ett nytt lösenord till ditt konto.',
  },
  linkLabels: {
    MagicLink: 'Logga in',
    VerifyEmailLink: 'Bekräfta e-postadress',
    ResetPasswordLink: 'Återställ lösenord',
  },
  notice: 'Koden går snart ut. Dela den inte med någon.',
  linkNotice: 'Länken går snart ut. Dela den inte med någon.',
  orLink: 'Du kan också använda den här knappen:',
  linkLabel: 'Fortsätt',
  invited: 'Du har bjudits in att gå med i {organization}.',
  invitedBy: '{inviter} har bjudit in dig att gå med i {organization}.',
  acceptLabel: 'Tacka ja till inbjudan',
  orCode: 'Eller ange den här koden:',
  organization: 'en organisation',
  footer: 'Om du inte har begärt detta kan du ignorera det här mejlet.',
  invitationFooter: 'Om du inte väntade dig den här inbjudan kan du ignorera det här mejlet.',
};
