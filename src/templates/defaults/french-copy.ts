/**
 * The French default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The French copy (`locale: 'fr'`), addressing the reader as « vous ». */
export const frenchCopy: LanguageCopy = {
  locale: 'fr',
  lang: 'fr',
  subjects: {
    Register: 'Vérifiez votre adresse e-mail',
    SignIn: 'Votre code de connexion',
    ForgotPassword: 'Réinitialisez votre mot de passe',
    Generic: 'Votre code de vérification',
    OrganizationInvitation: 'Invitation à rejoindre {organization}',
    UserPermissionValidation: 'Confirmez qu’il s’agit bien de vous',
    BindNewIdentifier: 'Vérifiez votre nouvelle adresse e-mail',
    MfaVerification: 'Votre code de validation en deux étapes',
    BindMfa: 'Activez la validation en deux étapes',
    MagicLink: 'Votre lien de connexion',
    VerifyEmailLink: 'Vérifiez votre adresse e-mail',
    ResetPasswordLink: 'Réinitialisez votre mot de passe',
  },
  purposes: {
    Register: 'Saisissez ce code pour vérifier votre adresse e-mail et terminer la création de votre compte.',
    SignIn: 'Saisissez ce code pour vous connecter à votre compte.',
    ForgotPassword: 'Saisissez ce code pour réinitialiser le mot de passe de votre compte.',
    Generic: 'Saisissez ce code pour confirmer votre adresse e-mail.',
    OrganizationInvitation: 'Saisissez ce code pour accepter l’invitation.',
    UserPermissionValidation: 'Saisissez ce code pour confirmer qu’il s’agit bien de vous avant de modifier les paramètres de votre compte.',
    BindNewIdentifier: 'Saisissez ce code pour ajouter cette adresse e-mail à votre compte.',
    MfaVerification: 'Saisissez ce code pour terminer la connexion à votre compte.',
    BindMfa: 'Saisissez ce code pour utiliser cette adresse e-mail pour la validation en deux étapes.',
  },
  linkPurposes: {
    MagicLink: 'Ouvrez ce lien pour vous connecter à votre compte.',
    VerifyEmailLink: 'Ouvrez ce lien pour vérifier votre adresse e-mail.',
    ResetPasswordLink: 'Ouvrez ce lien pour choisir un nouveau mot de passe pour votre compte.',
  },
  linkLabels: {
    MagicLink: 'Se connecter',
    VerifyEmailLink: 'Vérifier mon adresse e-mail',
    ResetPasswordLink: 'Réinitialiser le mot de passe',
  },
  notice: 'Ce code expire bientôt. Ne le communiquez à personne.',
  linkNotice: 'Ce lien expire bientôt. Ne le communiquez à personne.',
  orLink: 'Vous pouvez aussi utiliser ce bouton\u00a0:',
  linkLabel: 'Continuer',
  invited: 'Vous avez reçu une invitation à rejoindre {organization}.',
  invitedBy: '{inviter} vous invite à rejoindre {organization}.',
  acceptLabel: 'Accepter l’invitation',
  orCode: 'Ou saisissez ce code\u00a0:',
  organization: 'une organisation',
  footer: 'Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer cet e-mail.',
  invitationFooter: 'Si vous n’attendiez pas cette invitation, vous pouvez ignorer cet e-mail.',
};
