/**
 * The Hebrew default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Hebrew copy (`locale: 'he'`, right to left), in impersonal forms («יש להזין») that fit every reader's gender. */
export const hebrewCopy: LanguageCopy = {
  locale: 'he',
  lang: 'he',
  dir: 'rtl',
  subjects: {
    Register: 'אימות כתובת האימייל',
    SignIn: 'קוד הכניסה שלך',
    ForgotPassword: 'איפוס הסיסמה',
    Generic: 'קוד האימות שלך',
    OrganizationInvitation: 'הזמנה להצטרף אל {organization}',
    UserPermissionValidation: 'אימות זהות',
    BindNewIdentifier: 'אימות כתובת האימייל החדשה',
    MfaVerification: 'קוד האימות הדו-שלבי שלך',
    BindMfa: 'הגדרת אימות דו-שלבי',
    MagicLink: 'קישור הכניסה שלך',
    VerifyEmailLink: 'אימות כתובת האימייל',
    ResetPasswordLink: 'איפוס הסיסמה',
  },
  purposes: {
    Register: 'כדי לאמת את כתובת האימייל ולסיים את יצירת החשבון, יש להזין את הקוד הזה.',
    SignIn: 'כדי להיכנס לחשבון, יש להזין את הקוד הזה.',
    ForgotPassword: 'כדי לאפס את סיסמת החשבון, יש להזין את הקוד הזה.',
    Generic: 'כדי לאשר את כתובת האימייל, יש להזין את הקוד הזה.',
    OrganizationInvitation: 'כדי לקבל את ההזמנה, יש להזין את הקוד הזה.',
    UserPermissionValidation: 'לפני שינוי הגדרות החשבון, יש להזין את הקוד הזה כדי לאמת את זהותך.',
    BindNewIdentifier: 'כדי להוסיף את כתובת האימייל הזו לחשבון, יש להזין את הקוד הזה.',
    MfaVerification: 'כדי להשלים את הכניסה לחשבון, יש להזין את הקוד הזה.',
    BindMfa: 'כדי להשתמש בכתובת האימייל הזו לאימות דו-שלבי, יש להזין את הקוד הזה.',
  },
  linkPurposes: {
    MagicLink: 'כדי להיכנס לחשבון, יש לפתוח את הקישור הזה.',
    VerifyEmailLink: 'כדי לאמת את כתובת האימייל, יש לפתוח את הקישור הזה.',
    ResetPasswordLink: 'כדי לבחור סיסמה חדשה לחשבון, יש לפתוח את הקישור הזה.',
  },
  linkLabels: {
    MagicLink: 'כניסה',
    VerifyEmailLink: 'אימות כתובת האימייל',
    ResetPasswordLink: 'איפוס הסיסמה',
  },
  notice: 'תוקף הקוד יפוג בקרוב. אין למסור אותו לאף אחד.',
  linkNotice: 'תוקף הקישור יפוג בקרוב. אין להעביר אותו לאף אחד.',
  orLink: 'אפשר גם להשתמש בכפתור הזה:',
  linkLabel: 'המשך',
  invited: 'קיבלת הזמנה להצטרף אל {organization}.',
  invitedBy: 'קיבלת הזמנה מאת {inviter} להצטרף אל {organization}.',
  acceptLabel: 'אישור ההזמנה',
  orCode: 'אפשר גם להזין את הקוד הזה:',
  organization: 'ארגון',
  footer: 'אם לא ביקשת את זה, אפשר להתעלם מהאימייל הזה.',
  invitationFooter: 'אם לא ציפית להזמנה הזו, אפשר להתעלם מהאימייל הזה.',
};
