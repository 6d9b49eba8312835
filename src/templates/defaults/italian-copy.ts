/**
 * The Italian default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Italian copy (`locale: 'it'`), addressing the reader as «tu». */
export const italianCopy: LanguageCopy = {
  locale: 'it',
  lang: 'it',
  subjects: {
    Register: 'Verifica il tuo indirizzo email',
    SignIn: 'Il tuo codice di accesso',
    ForgotPassword: 'Reimposta la password',
    Generic: 'Il tuo codice di verifica',
    OrganizationInvitation: 'Invito a unirti a {organization}',
    UserPermissionValidation: 'Conferma che sei tu',
    BindNewIdentifier: 'Verifica il tuo nuovo indirizzo email',
    MfaVerification: 'Il tuo codice di verifica in due passaggi',
    BindMfa: 'Configura la verifica in due passaggi',
    MagicLink: 'Il tuo link di accesso',
    VerifyEmailLink: 'Verifica il tuo indirizzo email',
    ResetPasswordLink: 'Reimposta la password',
  },
  purposes: {
    Register: 'Inserisci questo codice per verificare il tuo indirizzo email e completare la creazione del tuo account.',
    SignIn: 'Inserisci questo codice per accedere al tuo account.',
    ForgotPassword: 'Inserisci questo codice per reimpostare la password del tuo account.',
    Generic: 'Inserisci questo codice per confermare il tuo indirizzo email.',
    OrganizationInvitation: 'Inserisci questo codice per accettare l’invito.',
    UserPermissionValidation: 'Inserisci questo codice per confermare che sei tu prima di modificare le impostazioni del tuo account.',
    BindNewIdentifier: 'Inserisci questo codice per aggiungere questo indirizzo email al tuo account.',
    MfaVerification: 'Inserisci questo codice per completare l’accesso al tuo account.',
    BindMfa: 'Inserisci questo codice per usare questo indirizzo email per la verifica in due passaggi.',
  },
  linkPurposes: {
    MagicLink: 'Apri questo link per accedere al tuo account.',
    VerifyEmailLink: 'Apri questo link per verificare il tuo indirizzo email.',
    ResetPasswordLink: 'Apri questo link per scegliere una nuova password per il tuo account.',
  },
  linkLabels: {
    MagicLink: 'Accedi',
    VerifyEmailLink: 'Verifica indirizzo email',
    ResetPasswordLink: 'Reimposta password',
  },
  notice: 'Questo codice scade a breve. Non condividerlo con nessuno.',
  linkNotice: 'Questo link scade a breve. Non condividerlo con nessuno.',
  orLink: 'Puoi anche usare questo pulsante:',
  linkLabel: 'Continua',
  invited: 'Hai ricevuto un invito a unirti a {organization}.',
  invitedBy: '{inviter} ti invita a unirti a {organization}.',
  acceptLabel: 'Accetta l’invito',
  orCode: 'Oppure inserisci questo codice:',
  organization: 'un’organizzazione',
  footer: 'Se non hai richiesto tu questa email, puoi ignorarla.',
  invitationFooter: 'Se non ti aspettavi questo invito, puoi ignorare questa email.',
};
