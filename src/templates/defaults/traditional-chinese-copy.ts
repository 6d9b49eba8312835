/**
 * The Traditional Chinese default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Traditional Chinese copy (`locale: 'zh-Hant'`, Taiwan usage), also served for `zh-TW`, `zh-HK` and `zh-MO`. */
export const traditionalChineseCopy: LanguageCopy = {
  locale: 'zh-Hant',
  aliases: ['zh-TW', 'zh-HK', 'zh-MO'],
  lang: 'zh-Hant',
  subjects: {
    Register: '驗證您的電子郵件',
    SignIn: '您的登入驗證碼',
    ForgotPassword: '重設您的密碼',
    Generic: '您的驗證碼',
    OrganizationInvitation: '邀請您加入{organization}',
    UserPermissionValidation: '確認是您本人',
    BindNewIdentifier: '驗證您的新電子郵件地址',
    MfaVerification: '您的兩步驟驗證碼',
    BindMfa: '設定兩步驟驗證',
    MagicLink: '您的登入連結',
    VerifyEmailLink: '驗證您的電子郵件地址',
    ResetPasswordLink: '重設您的密碼',
  },
  purposes: {
    Register: '請輸入以下驗證碼，驗證您的電子郵件地址並完成帳戶註冊。',
    SignIn: '請輸入以下驗證碼登入您的帳戶。',
    ForgotPassword: '請輸入以下驗證碼，重設您的帳戶密碼。',
    Generic: '請輸入以下驗證碼，確認您的電子郵件地址。',
    OrganizationInvitation: '請輸入以下驗證碼接受邀請。',
    UserPermissionValidation: '變更帳戶設定前，請輸入以下驗證碼，確認是您本人操作。',
    BindNewIdentifier: '請輸入以下驗證碼，將此電子郵件地址新增至您的帳戶。',
    MfaVerification: '請輸入以下驗證碼以完成登入。',
    BindMfa: '請輸入以下驗證碼，將此電子郵件地址用於兩步驟驗證。',
  },
  linkPurposes: {
    MagicLink: '請開啟以下連結登入您的帳戶。',
    VerifyEmailLink: '請開啟以下連結驗證您的電子郵件地址。',
    ResetPasswordLink: '請開啟以下連結，為您的帳戶設定新密碼。',
  },
  linkLabels: {
    MagicLink: '登入',
    VerifyEmailLink: '驗證電子郵件地址',
    ResetPasswordLink: '重設密碼',
  },
  notice: '驗證碼即將失效，請勿提供給任何人。',
  linkNotice: '此連結即將失效，請勿轉寄給任何人。',
  orLink: '您也可以點選下方按鈕繼續：',
  linkLabel: '繼續',
  invited: '您已受邀加入{organization}。',
  invitedBy: '{inviter}邀請您加入{organization}。',
  acceptLabel: '接受邀請',
  orCode: '或輸入以下驗證碼：',
  organization: '一個組織',
  footer: '如果這不是您本人的操作，請忽略這封郵件。',
  invitationFooter: '如果您並未預期收到此邀請，請忽略這封郵件。',
};
