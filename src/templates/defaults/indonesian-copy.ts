/**
 * The Indonesian default templates.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The Indonesian copy (`locale: 'id'`). */
export const indonesianCopy: LanguageCopy = {
  locale: 'id',
  lang: 'id',
  subjects: {
    Register: 'Verifikasi email Anda',
    SignIn: 'Kode masuk Anda',
    ForgotPassword: 'Atur ulang kata sandi Anda',
    Generic: 'Kode verifikasi Anda',
    OrganizationInvitation: 'Undangan untuk bergabung dengan {organization}',
    UserPermissionValidation: 'Konfirmasi bahwa ini Anda',
    BindNewIdentifier: 'Verifikasi alamat email baru Anda',
    MfaVerification: 'Kode verifikasi dua langkah Anda',
    BindMfa: 'Siapkan verifikasi dua langkah',
    MagicLink: 'Tautan masuk Anda',
    VerifyEmailLink: 'Verifikasi alamat email Anda',
    ResetPasswordLink: 'Atur ulang kata sandi Anda',
  },
  purposes: {
    Register: 'Masukkan kode ini untuk memverifikasi alamat email Anda dan menyelesaikan pembuatan akun.',
    SignIn: 'Masukkan kode ini untuk masuk ke akun Anda.',
    ForgotPassword: 'Masukkan kode ini untuk mengatur ulang kata sandi akun Anda.',
    Generic: 'Masukkan kode ini untuk mengonfirmasi alamat email Anda.',
    OrganizationInvitation: 'Masukkan kode ini untuk menerima undangan.',
    UserPermissionValidation: 'Masukkan kode ini untuk mengonfirmasi bahwa ini memang Anda sebelum mengubah pengaturan akun.',
    BindNewIdentifier: 'Masukkan kode ini untuk menambahkan alamat email ini ke akun Anda.',
    MfaVerification: 'Masukkan kode ini untuk menyelesaikan proses masuk ke akun Anda.',
    BindMfa: 'Masukkan kode ini untuk menggunakan alamat email ini dalam verifikasi dua langkah.',
  },
  linkPurposes: {
    MagicLink: 'Buka tautan ini untuk masuk ke akun Anda.',
    VerifyEmailLink: 'Buka tautan ini untuk memverifikasi alamat email Anda.',
    ResetPasswordLink: 'Buka tautan ini untuk membuat kata sandi baru bagi akun Anda.',
  },
  linkLabels: {
    MagicLink: 'Masuk',
    VerifyEmailLink: 'Verifikasi email',
    ResetPasswordLink: 'Atur ulang kata sandi',
  },
  notice: 'Kode ini akan segera kedaluwarsa. Jangan berikan kode ini kepada siapa pun.',
  linkNotice: 'Tautan ini akan segera kedaluwarsa. Jangan berikan tautan ini kepada siapa pun.',
  orLink: 'Anda juga bisa menggunakan tombol ini:',
  linkLabel: 'Lanjutkan',
  invited: 'Anda diundang untuk bergabung dengan {organization}.',
  invitedBy: '{inviter} mengundang Anda untuk bergabung dengan {organization}.',
  acceptLabel: 'Terima undangan',
  orCode: 'Atau masukkan kode ini:',
  organization: 'sebuah organisasi',
  footer: 'Jika Anda tidak memintanya, abaikan saja email ini.',
  invitationFooter: 'Jika Anda tidak mengharapkan undangan ini, abaikan saja email ini.',
};
