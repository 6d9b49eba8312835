/**
 * The Arabic default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Arabic copy (`locale: 'ar'`, Modern Standard Arabic, right to left). */
export const arabicCopy: LanguageCopy = {
  locale: 'ar',
  lang: 'ar',
  dir: 'rtl',
  subjects: {
    Register: 'تأكيد بريدك الإلكتروني',
    SignIn: 'رمز تسجيل الدخول',
    ForgotPassword: 'إعادة تعيين كلمة المرور',
    Generic: 'رمز التحقق',
    OrganizationInvitation: 'دعوة للانضمام إلى {organization}',
    UserPermissionValidation: 'تأكيد هويتك',
    BindNewIdentifier: 'تأكيد عنوان بريدك الإلكتروني الجديد',
    MfaVerification: 'رمز التحقق بخطوتين',
    BindMfa: 'إعداد التحقق بخطوتين',
    MagicLink: 'رابط تسجيل الدخول',
    VerifyEmailLink: 'تأكيد عنوان بريدك الإلكتروني',
    ResetPasswordLink: 'إعادة تعيين كلمة المرور',
  },
  purposes: {
    Register: 'أدخل هذا الرمز لتأكيد عنوان بريدك الإلكتروني وإكمال إنشاء حسابك.',
    SignIn: 'أدخل هذا الرمز لتسجيل الدخول إلى حسابك.',
    ForgotPassword: 'أدخل هذا الرمز لإعادة تعيين كلمة مرور حسابك.',
    Generic: 'أدخل هذا الرمز لتأكيد عنوان بريدك الإلكتروني.',
    OrganizationInvitation: 'أدخل هذا الرمز لقبول الدعوة.',
    UserPermissionValidation: 'أدخل هذا الرمز لتأكيد هويتك قبل تغيير إعدادات حسابك.',
    BindNewIdentifier: 'أدخل هذا الرمز لإضافة عنوان البريد الإلكتروني هذا إلى حسابك.',
    MfaVerification: 'أدخل هذا الرمز لإكمال تسجيل الدخول إلى حسابك.',
    BindMfa: 'أدخل هذا الرمز لاستخدام عنوان البريد الإلكتروني هذا في التحقق بخطوتين.',
  },
  linkPurposes: {
    MagicLink: 'افتح هذا الرابط لتسجيل الدخول إلى حسابك.',
    VerifyEmailLink: 'افتح هذا الرابط لتأكيد عنوان بريدك الإلكتروني.',
    ResetPasswordLink: 'افتح هذا الرابط لاختيار كلمة مرور جديدة لحسابك.',
  },
  linkLabels: {
    MagicLink: 'تسجيل الدخول',
    VerifyEmailLink: 'تأكيد البريد الإلكتروني',
    ResetPasswordLink: 'إعادة تعيين كلمة المرور',
  },
  notice: 'تنتهي صلاحية هذا الرمز قريبًا. لا تشاركه مع أي شخص.',
  linkNotice: 'تنتهي صلاحية هذا الرابط قريبًا. لا تشاركه مع أي شخص.',
  orLink: 'يمكنك أيضًا استخدام هذا الزر:',
  linkLabel: 'متابعة',
  invited: 'تمت دعوتك للانضمام إلى {organization}.',
  invitedBy: 'تلقيت دعوة من {inviter} للانضمام إلى {organization}.',
  acceptLabel: 'قبول الدعوة',
  orCode: 'أو أدخل هذا الرمز:',
  organization: 'مؤسسة',
  footer: 'إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة.',
  invitationFooter: 'إذا لم تكن تتوقع هذه الدعوة، يمكنك تجاهل هذه الرسالة.',
};
