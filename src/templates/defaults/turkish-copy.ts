/**
 * The Turkish default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Turkish copy (`locale: 'tr'`). The organization's name starts the invitation's sentences, so no suffix has to follow it. */
export const turkishCopy: LanguageCopy = {
  locale: 'tr',
  lang: 'tr',
  subjects: {
    Register: 'E-posta adresinizi doğrulayın',
    SignIn: 'Giriş kodunuz',
    ForgotPassword: 'Şifrenizi sıfırlayın',
    Generic: 'Doğrulama kodunuz',
    OrganizationInvitation: '{organization} sizi davet ediyor',
    UserPermissionValidation: 'Siz olduğunuzu doğrulayın',
    BindNewIdentifier: 'Yeni e-posta adresinizi doğrulayın',
    MfaVerification: 'İki adımlı doğrulama kodunuz',
    BindMfa: 'İki adımlı doğrulamayı ayarlayın',
    MagicLink: 'Giriş bağlantınız',
    VerifyEmailLink: 'E-posta adresinizi doğrulayın',
    ResetPasswordLink: 'Şifrenizi sıfırlayın',
  },
  purposes: {
    Register: 'E-posta adresinizi doğrulamak ve hesabınızı oluşturmayı tamamlamak için bu kodu girin.',
    SignIn: 'Hesabınıza giriş yapmak için bu kodu girin.',
    ForgotPassword: 'Hesabınızın şifresini sıfırlamak için bu kodu girin.',
    Generic: 'E-posta adresinizi onaylamak için bu kodu girin.',
    OrganizationInvitation: 'Daveti kabul etmek için bu kodu girin.',
    UserPermissionValidation: 'Hesap ayarlarınızı değiştirmeden önce siz olduğunuzu doğrulamak için bu kodu girin.',
    BindNewIdentifier: 'Bu e-posta adresini hesabınıza eklemek için bu kodu girin.',
    MfaVerification: 'Hesabınıza girişi tamamlamak için bu kodu girin.',
    BindMfa: 'Bu e-posta adresini iki adımlı doğrulamada kullanmak için bu kodu girin.',
  },
  linkPurposes: {
    MagicLink: 'Hesabınıza giriş yapmak için bu bağlantıyı açın.',
    VerifyEmailLink: 'E-posta adresinizi doğrulamak için bu bağlantıyı açın.',
    ResetPasswordLink: 'Hesabınız için yeni bir şifre belirlemek üzere bu bağlantıyı açın.',
  },
  linkLabels: {
    MagicLink: 'Giriş yap',
    VerifyEmailLink: 'E-posta adresini doğrula',
    ResetPasswordLink: 'Şifreyi sıfırla',
  },
  notice: 'Bu kodun süresi yakında dolacak. Kodu kimseyle paylaşmayın.',
  linkNotice: 'Bu bağlantının süresi yakında dolacak. Bağlantıyı kimseyle paylaşmayın.',
  orLink: 'Dilerseniz bu düğmeyi de kullanabilirsiniz:',
  linkLabel: 'Devam et',
  invited: '{organization} sizi aralarına katılmaya davet ediyor.',
  invitedBy: '{organization} ekibine katılmanız için {inviter} sizi davet etti.',
  acceptLabel: 'Daveti kabul et',
  orCode: 'Ya da bu kodu girin:',
  organization: 'Bir kuruluş',
  footer: 'Bu isteği siz yapmadıysanız bu e-postayı yok sayabilirsiniz.',
  invitationFooter: 'Bu daveti beklemiyorsanız bu e-postayı yok sayabilirsiniz.',
};
