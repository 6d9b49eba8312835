/**
 * The Dutch default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Dutch copy (`locale: 'nl'`), addressing the reader as ‘je’. */
export const dutchCopy: LanguageCopy = {
  locale: 'nl',
  lang: 'nl',
  subjects: {
    Register: 'Bevestig je e-mailadres',
    SignIn: 'Je inlogcode',
    ForgotPassword: 'Stel je wachtwoord opnieuw in',
    Generic: 'Je verificatiecode',
    OrganizationInvitation: 'Uitnodiging voor {organization}',
    UserPermissionValidation: 'Bevestig dat jij het bent',
    BindNewIdentifier: 'Bevestig je nieuwe e-mailadres',
    MfaVerification: 'Je code voor verificatie in twee stappen',
    BindMfa: 'Verificatie in twee stappen instellen',
    MagicLink: 'Je inloglink',
    VerifyEmailLink: 'Bevestig je e-mailadres',
    ResetPasswordLink: 'Stel je wachtwoord opnieuw in',
  },
  purposes: {
    Register: 'Voer deze code in om je e-mailadres te bevestigen en je account aan te maken.',
    SignIn: 'Voer deze code in om in te loggen op je account.',
    ForgotPassword: 'Voer deze code in om het wachtwoord van je account opnieuw in te stellen.',
    Generic: 'Voer deze code in om je e-mailadres te bevestigen.',
    OrganizationInvitation: 'Voer deze code in om de uitnodiging te accepteren.',
    UserPermissionValidation: 'Voer deze code in om te bevestigen dat jij het bent voordat je je accountinstellingen wijzigt.',
    BindNewIdentifier: 'Voer deze code in om dit e-mailadres aan je account toe te voegen.',
    MfaVerification: 'Voer deze code in om het inloggen op je account af te ronden.',
    BindMfa: 'Voer deze code in om dit e-mailadres te gebruiken voor verificatie in twee stappen.',
  },
  linkPurposes: {
    MagicLink: 'Open deze link om in te loggen op je account.',
    VerifyEmailLink: 'Open deze link om je e-mailadres te bevestigen.',
    ResetPasswordLink: 'Open deze link om een nieuw wachtwoord voor je account te kiezen.',
  },
  linkLabels: {
    MagicLink: 'Inloggen',
    VerifyEmailLink: 'E-mailadres bevestigen',
    ResetPasswordLink: 'Nieuw wachtwoord kiezen',
  },
  notice: 'Deze code verloopt binnenkort. Deel hem met niemand.',
  linkNotice: 'Deze link verloopt binnenkort. Deel hem met niemand.',
  orLink: 'Je kunt ook deze knop gebruiken:',
  linkLabel: 'Doorgaan',
  invited: 'Je bent uitgenodigd om lid te worden van {organization}.',
  invitedBy: '{inviter} heeft je uitgenodigd om lid te worden van {organization}.',
  acceptLabel: 'Uitnodiging accepteren',
  orCode: 'Of voer deze code in:',
  organization: 'een organisatie',
  footer: 'Heb je dit niet aangevraagd? Dan kun je deze e-mail negeren.',
  invitationFooter: 'Verwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren.',
};
