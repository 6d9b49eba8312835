/**
 * The Russian default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Russian copy (`locale: 'ru'`). */
export const russianCopy: LanguageCopy = {
  locale: 'ru',
  lang: 'ru',
  subjects: {
    Register: 'Подтвердите адрес электронной почты',
    SignIn: 'Код для входа',
    ForgotPassword: 'Сброс пароля',
    Generic: 'Код подтверждения',
    OrganizationInvitation: 'Приглашение в {organization}',
    UserPermissionValidation: 'Подтвердите, что это вы',
    BindNewIdentifier: 'Подтвердите новый адрес электронной почты',
    MfaVerification: 'Код двухэтапной проверки',
    BindMfa: 'Настройка двухэтапной проверки',
    MagicLink: 'Ссылка для входа',
    VerifyEmailLink: 'Подтвердите адрес электронной почты',
    ResetPasswordLink: 'Сброс пароля',
  },
  purposes: {
    Register: 'Введите этот код, чтобы подтвердить адрес электронной почты и завершить создание аккаунта.',
    SignIn: 'Введите этот код, чтобы войти в аккаунт.',
    ForgotPassword: 'Введите этот код, чтобы сбросить пароль от аккаунта.',
    Generic: 'Введите этот код, чтобы подтвердить адрес электронной почты.',
    OrganizationInvitation: 'Введите этот код, чтобы принять приглашение.',
    UserPermissionValidation: 'Введите этот код, чтобы подтвердить, что это вы, прежде чем изменять настройки аккаунта.',
    BindNewIdentifier: 'Введите этот код, чтобы добавить этот адрес электронной почты в аккаунт.',
    MfaVerification: 'Введите этот код, чтобы завершить вход в аккаунт.',
    BindMfa: 'Введите этот код, чтобы использовать этот адрес электронной почты для двухэтапной проверки.',
  },
  linkPurposes: {
    MagicLink: 'Откройте эту ссылку, чтобы войти в аккаунт.',
    VerifyEmailLink: 'Откройте эту ссылку, чтобы подтвердить адрес электронной почты.',
    ResetPasswordLink: 'Откройте эту ссылку, чтобы задать новый пароль для аккаунта.',
  },
  linkLabels: {
    MagicLink: 'Войти',
    VerifyEmailLink: 'Подтвердить адрес',
    ResetPasswordLink: 'Сбросить пароль',
  },
  notice: 'Срок действия кода скоро истечёт. Никому его не сообщайте.',
  linkNotice: 'Срок действия ссылки скоро истечёт. Никому её не пересылайте.',
  orLink: 'Также можно воспользоваться этой кнопкой:',
  linkLabel: 'Продолжить',
  invited: 'Вас пригласили в {organization}.',
  invitedBy: '{inviter} приглашает вас в {organization}.',
  acceptLabel: 'Принять приглашение',
  orCode: 'Или введите этот код:',
  organization: 'организацию',
  footer: 'Если вы не запрашивали это письмо, просто проигнорируйте его.',
  invitationFooter: 'Если вы не ждали этого приглашения, просто проигнорируйте это письмо.',
};
