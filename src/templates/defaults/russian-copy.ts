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
  notice: 'Срок действия кода скоро истечёт. Никому его не сообщайте.',
  orLink: 'Также можно воспользоваться этой кнопкой:',
  linkLabel: 'Продолжить',
  invited: 'Вас пригласили в {organization}.',
  acceptLabel: 'Принять приглашение',
  orCode: 'Или введите этот код:',
  organization: 'организацию',
  footer: 'Если вы не запрашивали это письмо, просто проигнорируйте его.',
  invitationFooter: 'Если вы не ждали этого приглашения, просто проигнорируйте это письмо.',
};
