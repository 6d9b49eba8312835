/**
 * The Korean default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Korean copy (`locale: 'ko'`). */
export const koreanCopy: LanguageCopy = {
  locale: 'ko',
  lang: 'ko',
  subjects: {
    Register: '이메일 인증',
    SignIn: '로그인 인증 코드',
    ForgotPassword: '비밀번호 재설정',
    Generic: '인증 코드',
    OrganizationInvitation: '{organization} 초대',
    UserPermissionValidation: '본인 확인',
    BindNewIdentifier: '새 이메일 주소 인증',
    MfaVerification: '2단계 인증 코드',
    BindMfa: '2단계 인증 설정',
    MagicLink: '로그인 링크',
    VerifyEmailLink: '이메일 주소 인증',
    ResetPasswordLink: '비밀번호 재설정',
  },
  purposes: {
    Register: '계정 생성을 완료하려면 아래 코드를 입력해 이메일 주소를 인증하세요.',
    SignIn: '로그인하려면 아래 코드를 입력하세요.',
    ForgotPassword: '비밀번호를 재설정하려면 아래 코드를 입력하세요.',
    Generic: '이메일 주소를 확인하려면 아래 코드를 입력하세요.',
    OrganizationInvitation: '초대를 수락하려면 아래 코드를 입력하세요.',
    UserPermissionValidation: '계정 설정을 변경하기 전에 본인임을 확인하기 위해 아래 코드를 입력하세요.',
    BindNewIdentifier: '이 이메일 주소를 계정에 추가하려면 아래 코드를 입력하세요.',
    MfaVerification: '로그인을 완료하려면 아래 코드를 입력하세요.',
    BindMfa: '이 이메일 주소를 2단계 인증에 사용하려면 아래 코드를 입력하세요.',
  },
  linkPurposes: {
    MagicLink: '로그인하려면 아래 링크를 여세요.',
    VerifyEmailLink: '이메일 주소를 인증하려면 아래 링크를 여세요.',
    ResetPasswordLink: '계정의 새 비밀번호를 설정하려면 아래 링크를 여세요.',
  },
  linkLabels: {
    MagicLink: '로그인하기',
    VerifyEmailLink: '이메일 주소 인증하기',
    ResetPasswordLink: '비밀번호 재설정하기',
  },
  notice: '이 코드는 곧 만료됩니다. 누구에게도 알려 주지 마세요.',
  linkNotice: '이 링크는 곧 만료됩니다. 누구에게도 공유하지 마세요.',
  orLink: '아래 버튼을 눌러 계속할 수도 있습니다.',
  linkLabel: '계속하기',
  invited: '{organization}에 참여하도록 초대받았습니다.',
  invitedBy: '{inviter}님이 {organization}에 참여하도록 초대했습니다.',
  acceptLabel: '초대 수락하기',
  orCode: '또는 아래 코드를 입력하세요.',
  organization: '조직',
  footer: '요청하지 않으셨다면 이 이메일을 무시하셔도 됩니다.',
  invitationFooter: '예상하지 못한 초대라면 이 이메일을 무시하셔도 됩니다.',
};
