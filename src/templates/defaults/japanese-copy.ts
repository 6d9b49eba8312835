/**
 * The Japanese default templates.
 *
 * @module
 */
import { CODE, choice, codeBody, paragraph, variableOr, type LanguageCopy } from './template-copy.js';

const NOTICE = 'このコードの有効期限はまもなく切れます。このコードは誰にも教えないでください。';
const ORGANIZATION = variableOr('organizationName', '組織');

/** The Japanese copy (`locale: 'ja'`). */
export const japaneseCopy: LanguageCopy = {
  locale: 'ja',
  lang: 'ja',
  footer: 'このメールにお心当たりのない場合は、このまま破棄してください。',
  messages: [
    {
      usageType: 'Register',
      subject: 'メールアドレスの確認',
      body: codeBody('アカウントの作成を完了するには、次のコードを入力してメールアドレスを確認してください。', NOTICE),
    },
    {
      usageType: 'SignIn',
      subject: 'サインイン用の確認コード',
      body: codeBody('サインインするには、次のコードを入力してください。', NOTICE),
    },
    {
      usageType: 'ForgotPassword',
      subject: 'パスワードの再設定',
      body: codeBody('パスワードを再設定するには、次のコードを入力してください。', NOTICE),
    },
    {
      usageType: 'Generic',
      subject: '確認コード',
      body: codeBody('メールアドレスを確認するには、次のコードを入力してください。', NOTICE),
    },
    {
      usageType: 'OrganizationInvitation',
      subject: `${ORGANIZATION}への招待`,
      body: [
        paragraph(`${ORGANIZATION}への招待が届いています。`),
        choice(
          'link',
          [{ kind: 'link', label: '招待を承諾する', codeLabel: 'または、次のコードを入力して承諾してください。' }],
          [paragraph('招待を承諾するには、次のコードを入力してください。'), CODE, paragraph(NOTICE)],
        ),
      ],
      footer: 'この招待にお心当たりのない場合は、このメールを破棄してください。',
    },
    {
      usageType: 'UserPermissionValidation',
      subject: 'ご本人確認',
      body: codeBody('アカウントの設定を変更する前にご本人であることを確認するため、次のコードを入力してください。', NOTICE),
    },
    {
      usageType: 'BindNewIdentifier',
      subject: '新しいメールアドレスの確認',
      body: codeBody('このメールアドレスをアカウントに追加するには、次のコードを入力してください。', NOTICE),
    },
    {
      usageType: 'MfaVerification',
      subject: '2段階認証の確認コード',
      body: codeBody('サインインを完了するには、次のコードを入力してください。', NOTICE),
    },
    {
      usageType: 'BindMfa',
      subject: '2段階認証の設定',
      body: codeBody('このメールアドレスを2段階認証に使用するには、次のコードを入力してください。', NOTICE),
    },
  ],
};
