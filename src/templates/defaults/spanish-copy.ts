/**
 * The Spanish default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Spanish copy (`locale: 'es'`), addressing the reader as «tú». */
export const spanishCopy: LanguageCopy = {
  locale: 'es',
  lang: 'es',
  subjects: {
    Register: 'Verifica tu correo electrónico',
    SignIn: 'Tu código de inicio de sesión',
    ForgotPassword: 'Restablece tu contraseña',
    Generic: 'Tu código de verificación',
    OrganizationInvitation: 'Invitación para unirte a {organization}',
    UserPermissionValidation: 'Confirma que eres tú',
    BindNewIdentifier: 'Verifica tu nueva dirección de correo',
    MfaVerification: 'Tu código de verificación en dos pasos',
    BindMfa: 'Configura la verificación en dos pasos',
    MagicLink: 'Tu enlace de inicio de sesión',
    VerifyEmailLink: 'Verifica tu dirección de correo',
    ResetPasswordLink: 'Restablece tu contraseña',
  },
  purposes: {
    Register: 'Introduce este código para verificar tu dirección de correo y terminar de crear tu cuenta.',
    SignIn: 'Introduce este código para iniciar sesión en tu cuenta.',
    ForgotPassword: 'Introduce este código para restablecer la contraseña de tu cuenta.',
    Generic: 'Introduce este código para confirmar tu dirección de correo.',
    OrganizationInvitation: 'Introduce este código para aceptar la invitación.',
    UserPermissionValidation: 'Introduce este código para confirmar que eres tú antes de cambiar la configuración de tu cuenta.',
    BindNewIdentifier: 'Introduce este código para añadir esta dirección de correo a tu cuenta.',
    MfaVerification: 'Introduce este código para terminar de iniciar sesión en tu cuenta.',
    BindMfa: 'Introduce este código para usar esta dirección de correo en la verificación en dos pasos.',
  },
  linkPurposes: {
    MagicLink: 'Abre este enlace para iniciar sesión en tu cuenta.',
    VerifyEmailLink: 'Abre este enlace para verificar tu dirección de correo.',
    ResetPasswordLink: 'Abre este enlace para elegir una nueva contraseña para tu cuenta.',
  },
  linkLabels: {
    MagicLink: 'Iniciar sesión',
    VerifyEmailLink: 'Verificar mi correo',
    ResetPasswordLink: 'Restablecer contraseña',
  },
  notice: 'Este código caduca pronto. No lo compartas con nadie.',
  linkNotice: 'Este enlace caduca pronto. No lo compartas con nadie.',
  orLink: 'También puedes usar este botón:',
  linkLabel: 'Continuar',
  invited: 'Te han invitado a unirte a {organization}.',
  invitedBy: '{inviter} te ha invitado a unirte a {organization}.',
  acceptLabel: 'Aceptar la invitación',
  orCode: 'O introduce este código:',
  organization: 'una organización',
  footer: 'Si no lo has solicitado, puedes ignorar este correo.',
  invitationFooter: 'Si no esperabas esta invitación, puedes ignorar este correo.',
};
