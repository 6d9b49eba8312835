/**
 * The Japanese default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Japanese copy (`locale: 'ja'`). */
export const japaneseCopy: LanguageCopy = {
  locale: 'ja',
  lang: 'ja',
  subjects: {
    Register: 'メールアドレスの確認',
    SignIn: 'サインイン用の確認コード',
    ForgotPassword: 'パスワードの再設定',
    Generic: '確認コード',
    OrganizationInvitation: '{organization}への招待',
    UserPermissionValidation: 'ご本人確認',
    BindNewIdentifier: '新しいメールアドレスの確認',
    MfaVerification: '2段階認証の確認コード',
    BindMfa: '2段階認証の設定',
    MagicLink: 'サインイン用のリンク',
    VerifyEmailLink: 'メールアドレスの確認',
    ResetPasswordLink: 'パスワードの再設定',
  },
  purposes: {
    Register: 'アカウントの作成を完了するには、次のコードを入力してメールアドレスを確認してください。',
    SignIn: 'サインインするには、次のコードを入力してください。',
    ForgotPassword: 'パスワードを再設定するには、次のコードを入力してください。',
    Generic: 'メールアドレスを確認するには、次のコードを入力してください。',
    OrganizationInvitation: '招待を承諾するには、次のコードを入力してください。',
    UserPermissionValidation: 'アカウントの設定を変更する前にご本人であることを確認するため、次のコードを入力してください。',
    BindNewIdentifier: 'このメールアドレスをアカウントに追加するには、次のコードを入力してください。',
    MfaVerification: 'サインインを完了するには、次のコードを入力してください。',
    BindMfa: 'このメールアドレスを2段階認証に使用するには、次のコードを入力してください。',
  },
  linkPurposes: {
    MagicLink: 'アカウントにサインインするには、次のリンクを開いてください。',
    VerifyEmailLink: 'メールアドレスを確認するには、次のリンクを開いてください。',
    ResetPasswordLink: 'アカウントの新しいパスワードを設定するには、次のリンクを開いてください。',
  },
  linkLabels: {
    MagicLink: 'サインイン',
    VerifyEmailLink: 'メールアドレスを確認',
    ResetPasswordLink: 'パスワードを再設定',
  },
  notice: 'このコードの有効期限はまもなく切れます。このコードは誰にも教えないでください。',
  linkNotice: 'このリンクの有効期限はまもなく切れます。このリンクは誰にも教えないでください。',
  orLink: '次のボタンから続行することもできます。',
  linkLabel: '続行する',
  invited: '{organization}への招待が届いています。',
  invitedBy: '{inviter}さんから{organization}への招待が届いています。',
  acceptLabel: '招待を承諾する',
  orCode: 'または、次のコードを入力してください。',
  organization: '組織',
  footer: 'このメールにお心当たりのない場合は、このまま破棄してください。',
  invitationFooter: 'この招待にお心当たりのない場合は、このメールを破棄してください。',
};
