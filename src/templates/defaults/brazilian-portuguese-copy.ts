/**
 * The Brazilian Portuguese default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Brazilian Portuguese copy (`locale: 'pt-BR'`), also served for `pt` (so `pt-PT` readers get it too: closer than English). */
export const brazilianPortugueseCopy: LanguageCopy = {
  locale: 'pt-BR',
  aliases: ['pt'],
  lang: 'pt-BR',
  subjects: {
    Register: 'Confirme seu e-mail',
    SignIn: 'Seu código de acesso',
    ForgotPassword: 'Redefina sua senha',
    Generic: 'Seu código de verificação',
    OrganizationInvitation: 'Convite para participar de {organization}',
    UserPermissionValidation: 'Confirme que é você',
    BindNewIdentifier: 'Confirme seu novo endereço de e-mail',
    MfaVerification: 'Seu código de verificação em duas etapas',
    BindMfa: 'Configure a verificação em duas etapas',
    MagicLink: 'Seu link de acesso',
    VerifyEmailLink: 'Confirme seu endereço de e-mail',
    ResetPasswordLink: 'Redefina sua senha',
  },
  purposes: {
    Register: 'Digite este código para confirmar seu endereço de e-mail e concluir a criação da sua conta.',
    SignIn: 'Digite este código para entrar na sua conta.',
    ForgotPassword: 'Digite este código para redefinir a senha da sua conta.',
    Generic: 'Digite este código para confirmar seu endereço de e-mail.',
    OrganizationInvitation: 'Digite este código para aceitar o convite.',
    UserPermissionValidation: 'Digite este código para confirmar que é você antes de alterar as configurações da sua conta.',
    BindNewIdentifier: 'Digite este código para adicionar este endereço de e-mail à sua conta.',
    MfaVerification: 'Digite este código para concluir o acesso à sua conta.',
    BindMfa: 'Digite este código para usar este endereço de e-mail na verificação em duas etapas.',
  },
  linkPurposes: {
    MagicLink: 'Abra este link para entrar na sua conta.',
    VerifyEmailLink: 'Abra este link para confirmar seu endereço de e-mail.',
    ResetPasswordLink: 'Abra este link para escolher uma nova senha para sua conta.',
  },
  linkLabels: {
    MagicLink: 'Entrar',
    VerifyEmailLink: 'Confirmar e-mail',
    ResetPasswordLink: 'Redefinir senha',
  },
  notice: 'Este código expira em breve. Não o compartilhe com ninguém.',
  linkNotice: 'Este link expira em breve. Não o compartilhe com ninguém.',
  orLink: 'Você também pode usar este botão:',
  linkLabel: 'Continuar',
  invited: 'Você recebeu um convite para participar de {organization}.',
  invitedBy: '{inviter} convidou você para participar de {organization}.',
  acceptLabel: 'Aceitar o convite',
  orCode: 'Ou digite este código:',
  organization: 'uma organização',
  footer: 'Se você não fez esta solicitação, pode ignorar este e-mail.',
  invitationFooter: 'Se você não esperava este convite, pode ignorar este e-mail.',
};
