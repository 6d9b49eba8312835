/**
 * The Hindi default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Hindi copy (`locale: 'hi'`). */
export const hindiCopy: LanguageCopy = {
  locale: 'hi',
  lang: 'hi',
  subjects: {
    Register: 'अपना ईमेल सत्यापित करें',
    SignIn: 'आपका साइन-इन कोड',
    ForgotPassword: 'अपना पासवर्ड रीसेट करें',
    Generic: 'आपका सत्यापन कोड',
    OrganizationInvitation: '{organization} से जुड़ने का आमंत्रण',
    UserPermissionValidation: 'पुष्टि करें कि यह आप ही हैं',
    BindNewIdentifier: 'अपना नया ईमेल पता सत्यापित करें',
    MfaVerification: 'आपका दो-चरणीय सत्यापन कोड',
    BindMfa: 'दो-चरणीय सत्यापन सेट अप करें',
    MagicLink: 'आपका साइन-इन लिंक',
    VerifyEmailLink: 'अपना ईमेल पता सत्यापित करें',
    ResetPasswordLink: 'अपना पासवर्ड रीसेट करें',
  },
  purposes: {
    Register: 'अपना ईमेल पता सत्यापित करने और खाता बनाना पूरा करने के लिए यह कोड दर्ज करें।',
    SignIn: 'अपने खाते में साइन इन करने के लिए यह कोड दर्ज करें।',
    ForgotPassword: 'अपने खाते का पासवर्ड रीसेट करने के लिए यह कोड दर्ज करें।',
    Generic: 'अपना ईमेल पता कन्फ़र्म करने के लिए यह कोड दर्ज करें।',
    OrganizationInvitation: 'आमंत्रण स्वीकार करने के लिए यह कोड दर्ज करें।',
    UserPermissionValidation: 'खाते की सेटिंग बदलने से पहले, यह पुष्टि करने के लिए कि यह आप ही हैं, यह कोड दर्ज करें।',
    BindNewIdentifier: 'यह ईमेल पता अपने खाते में जोड़ने के लिए यह कोड दर्ज करें।',
    MfaVerification: 'अपने खाते में साइन इन पूरा करने के लिए यह कोड दर्ज करें।',
    BindMfa: 'इस ईमेल पते को दो-चरणीय सत्यापन के लिए इस्तेमाल करने के लिए यह कोड दर्ज करें।',
  },
  linkPurposes: {
    MagicLink: 'अपने खाते में साइन इन करने के लिए यह लिंक खोलें।',
    VerifyEmailLink: 'अपना ईमेल पता सत्यापित करने के लिए यह लिंक खोलें।',
    ResetPasswordLink: 'अपने खाते का नया पासवर्ड चुनने के लिए यह लिंक खोलें।',
  },
  linkLabels: {
    MagicLink: 'साइन इन करें',
    VerifyEmailLink: 'ईमेल पता सत्यापित करें',
    ResetPasswordLink: 'पासवर्ड रीसेट करें',
  },
  notice: 'यह कोड जल्द ही समाप्त हो जाएगा। इसे किसी के साथ साझा न करें।',
  linkNotice: 'यह लिंक जल्द ही समाप्त हो जाएगा। इसे किसी के साथ साझा न करें।',
  orLink: 'आप इस बटन का इस्तेमाल भी कर सकते हैं:',
  linkLabel: 'जारी रखें',
  invited: 'आपको {organization} से जुड़ने के लिए आमंत्रित किया गया है।',
  invitedBy: '{inviter} ने आपको {organization} से जुड़ने के लिए आमंत्रित किया है।',
  acceptLabel: 'आमंत्रण स्वीकार करें',
  orCode: 'या यह कोड दर्ज करें:',
  organization: 'एक संगठन',
  footer: 'अगर आपने यह अनुरोध नहीं किया है, तो आप इस ईमेल को अनदेखा कर सकते हैं।',
  invitationFooter: 'अगर आपको इस आमंत्रण की उम्मीद नहीं थी, तो आप इस ईमेल को अनदेखा कर सकते हैं।',
};
