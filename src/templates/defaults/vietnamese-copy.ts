/**
 * The Vietnamese default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Vietnamese copy (`locale: 'vi'`). */
export const vietnameseCopy: LanguageCopy = {
  locale: 'vi',
  lang: 'vi',
  subjects: {
    Register: 'Xác minh email của bạn',
    SignIn: 'Mã đăng nhập của bạn',
    ForgotPassword: 'Đặt lại mật khẩu',
    Generic: 'Mã xác minh của bạn',
    OrganizationInvitation: 'Lời mời tham gia {organization}',
    UserPermissionValidation: 'Xác nhận đó là bạn',
    BindNewIdentifier: 'Xác minh địa chỉ email mới',
    MfaVerification: 'Mã xác minh hai bước của bạn',
    BindMfa: 'Thiết lập xác minh hai bước',
    MagicLink: 'Liên kết đăng nhập của bạn',
    VerifyEmailLink: 'Xác minh địa chỉ email của bạn',
    ResetPasswordLink: 'Đặt lại mật khẩu',
  },
  purposes: {
    Register: 'Nhập mã này để xác minh địa chỉ email và hoàn tất việc tạo tài khoản.',
    SignIn: 'Nhập mã này để đăng nhập vào tài khoản của bạn.',
    ForgotPassword: 'Nhập mã này để đặt lại mật khẩu cho tài khoản của bạn.',
    Generic: 'Nhập mã này để xác nhận địa chỉ email của bạn.',
    OrganizationInvitation: 'Nhập mã này để chấp nhận lời mời.',
    UserPermissionValidation: 'Nhập mã này để xác nhận đó là bạn trước khi thay đổi cài đặt tài khoản.',
    BindNewIdentifier: 'Nhập mã này để thêm địa chỉ email này vào tài khoản của bạn.',
    MfaVerification: 'Nhập mã này để hoàn tất việc đăng nhập vào tài khoản.',
    BindMfa: 'Nhập mã này để dùng địa chỉ email này cho xác minh hai bước.',
  },
  linkPurposes: {
    MagicLink: 'Mở liên kết này để đăng nhập vào tài khoản của bạn.',
    VerifyEmailLink: 'Mở liên kết này để xác minh địa chỉ email của bạn.',
    ResetPasswordLink: 'Mở liên kết này để đặt mật khẩu mới cho tài khoản của bạn.',
  },
  linkLabels: {
    MagicLink: 'Đăng nhập',
    VerifyEmailLink: 'Xác minh email',
    ResetPasswordLink: 'Đặt lại mật khẩu',
  },
  notice: 'Mã này sắp hết hạn. Đừng chia sẻ mã với bất kỳ ai.',
  linkNotice: 'Liên kết này sắp hết hạn. Đừng chia sẻ liên kết với bất kỳ ai.',
  orLink: 'Bạn cũng có thể dùng nút này:',
  linkLabel: 'Tiếp tục',
  invited: 'Bạn được mời tham gia {organization}.',
  invitedBy: '{inviter} đã mời bạn tham gia {organization}.',
  acceptLabel: 'Chấp nhận lời mời',
  orCode: 'Hoặc nhập mã này:',
  organization: 'một tổ chức',
  footer: 'Nếu bạn không yêu cầu, bạn có thể bỏ qua email này.',
  invitationFooter: 'Nếu bạn không mong đợi lời mời này, bạn có thể bỏ qua email này.',
};
