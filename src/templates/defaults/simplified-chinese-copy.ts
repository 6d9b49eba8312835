/**
 * The Simplified Chinese default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Simplified Chinese copy (`locale: 'zh-Hans'`), also served for `zh`, `zh-CN` and `zh-SG`. */
export const simplifiedChineseCopy: LanguageCopy = {
  locale: 'zh-Hans',
  aliases: ['zh', 'zh-CN', 'zh-SG'],
  lang: 'zh-Hans',
  subjects: {
    Register: '验证您的邮箱',
    SignIn: '您的登录验证码',
    ForgotPassword: '重置您的密码',
    Generic: '您的验证码',
    OrganizationInvitation: '邀请您加入{organization}',
    UserPermissionValidation: '确认是您本人',
    BindNewIdentifier: '验证您的新邮箱地址',
    MfaVerification: '您的两步验证码',
    BindMfa: '设置两步验证',
    MagicLink: '您的登录链接',
    VerifyEmailLink: '验证您的邮箱地址',
    ResetPasswordLink: '重置您的密码',
  },
  purposes: {
    Register: '请输入以下验证码，验证您的邮箱地址并完成账户注册。',
    SignIn: '请输入以下验证码登录您的账户。',
    ForgotPassword: '请输入以下验证码，重置您的账户密码。',
    Generic: '请输入以下验证码，确认您的邮箱地址。',
    OrganizationInvitation: '请输入以下验证码接受邀请。',
    UserPermissionValidation: '在更改账户设置之前，请输入以下验证码，确认是您本人操作。',
    BindNewIdentifier: '请输入以下验证码，将此邮箱地址添加到您的账户。',
    MfaVerification: '请输入以下验证码，完成登录。',
    BindMfa: '请输入以下验证码，将此邮箱地址用于两步验证。',
  },
  linkPurposes: {
    MagicLink: '请打开以下链接登录您的账户。',
    VerifyEmailLink: '请打开以下链接验证您的邮箱地址。',
    ResetPasswordLink: '请打开以下链接，为您的账户设置新密码。',
  },
  linkLabels: {
    MagicLink: '登录',
    VerifyEmailLink: '验证邮箱地址',
    ResetPasswordLink: '重置密码',
  },
  notice: '验证码即将过期，请勿告诉任何人。',
  linkNotice: '此链接即将过期，请勿转发给任何人。',
  orLink: '您也可以点击下面的按钮继续：',
  linkLabel: '继续',
  invited: '您已受邀加入{organization}。',
  invitedBy: '{inviter}邀请您加入{organization}。',
  acceptLabel: '接受邀请',
  orCode: '或者输入以下验证码：',
  organization: '一个组织',
  footer: '如果这不是您本人的操作，请忽略此邮件。',
  invitationFooter: '如果您没有预料到此邀请，请忽略此邮件。',
};
