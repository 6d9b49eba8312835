/**
 * The callbacks {@link betterAuthEmails} returns, typed by the parts of better-auth's arguments they
 * read. The shapes are our own (no better-auth type leaks into auth-mailer's typings), narrow enough
 * that better-auth's real arguments fit them: TypeScript checks it where you pass them to
 * `betterAuth()` and to the plugins. No runtime code lives here.
 *
 * @module
 */
import type { EmailOtpType } from './better-auth-usage-types.js';

/** The user better-auth passes: only the address is read. */
export interface BetterAuthUser {
  /** The user's email address. */
  email: string;
}

/**
 * The endpoint context better-auth's plugins pass as their callbacks' second argument: the Fetch
 * `Request` when the call came through `auth.handler`, the headers when it came from `auth.api.*`.
 */
export interface BetterAuthEndpointContext {
  /** The incoming request, when there is one. */
  request?: Request | undefined;
  /** The request's headers (also set for `auth.api.*` calls given `headers`). */
  headers?: Headers | undefined;
}

/** What better-auth passes to `sendVerificationEmail` and `sendResetPassword`. */
export interface BetterAuthLinkData {
  /** Who the email goes to. */
  user: BetterAuthUser;
  /** The link to send; it holds the token. */
  url: string;
  /** The token alone (not sent: the link carries it). */
  token: string;
}

/** What better-auth passes to `user.changeEmail.sendChangeEmailConfirmation`. */
export interface BetterAuthChangeEmailData extends BetterAuthLinkData {
  /** The address the user asked to change to. */
  newEmail: string;
}

/** What the magicLink plugin passes to `sendMagicLink`. */
export interface BetterAuthMagicLinkData {
  /** The address to sign in. */
  email: string;
  /** The sign-in link. */
  url: string;
  /** The token alone (not sent: the link carries it). */
  token: string;
}

/** What the emailOTP plugin passes to `sendVerificationOTP`. */
export interface BetterAuthEmailOtpData {
  /** The address to send the code to. */
  email: string;
  /** The one-time code. */
  otp: string;
  /** What the code is for; it picks the usage type. */
  type: EmailOtpType;
}

/** What the twoFactor plugin passes to `otpOptions.sendOTP`. */
export interface BetterAuthTwoFactorOtpData {
  /** The signed-in user the second factor is asked of. */
  user: BetterAuthUser;
  /** The one-time code. */
  otp: string;
}

/** What the organization plugin passes to `sendInvitationEmail`: the parts the adapter reads. */
export interface BetterAuthInvitationData {
  /** The invitation's id: the accept link must carry it. */
  id: string;
  /** The role the invitee gets. */
  role: string;
  /** The invitee's address. */
  email: string;
  /** The organization the invitation is to. */
  organization: {
    /** Its id. */
    id: string;
    /** Its display name: `organizationName` in the payload. */
    name: string;
    /** Its slug. */
    slug: string;
  };
  /** The member who invites. */
  inviter: {
    /** The inviting user: `inviterName` is their name, or their address when the name is empty. */
    user: BetterAuthUser & {
      /** Their display name. */
      name?: string | null | undefined;
    };
  };
}

/** The email callbacks of better-auth's core options. */
export interface BetterAuthCoreEmails {
  /** Spread into `emailVerification`: the verification link email. */
  emailVerification: {
    /**
     * Sends `VerifyEmailLink` with the link better-auth made.
     *
     * @param data - The user and the link.
     * @param request - The request that caused it; its `Accept-Language` picks the locale.
     * @returns Resolves once the SMTP server accepted the message.
     * @throws {@link index!MailerError} when the send fails.
     */
    sendVerificationEmail(data: BetterAuthLinkData, request?: Request): Promise<void>;
  };
  /** Spread into `emailAndPassword`: the password reset link email. */
  emailAndPassword: {
    /**
     * Sends `ResetPasswordLink` with the link better-auth made.
     *
     * @param data - The user and the link.
     * @param request - The request that caused it; its `Accept-Language` picks the locale.
     * @returns Resolves once the SMTP server accepted the message.
     * @throws {@link index!MailerError} when the send fails.
     */
    sendResetPassword(data: BetterAuthLinkData, request?: Request): Promise<void>;
  };
  /** Spread into `user`, under `changeEmail`. */
  user: {
    /** Spread into `user.changeEmail`: the confirmation sent to the current address. */
    changeEmail: {
      /**
       * Sends `UserPermissionValidation` to the current address, with the link and `newEmail`.
       *
       * @param data - The user, the new address and the confirmation link.
       * @param request - The request that caused it; its `Accept-Language` picks the locale.
       * @returns Resolves once the SMTP server accepted the message.
       * @throws {@link index!MailerError} when the send fails.
       */
      sendChangeEmailConfirmation(data: BetterAuthChangeEmailData, request?: Request): Promise<void>;
    };
  };
}

/** The email callbacks of better-auth's plugins, each ready to spread into the plugin's options. */
export interface BetterAuthPluginEmails {
  /** Spread into `emailOTP({ ... })`. */
  emailOTP: {
    /**
     * Sends the code with the usage type its `type` maps to ({@link EMAIL_OTP_USAGE_TYPES}).
     *
     * @param data - The address, the code and what it is for.
     * @param ctx - The endpoint context; its request headers pick the locale.
     * @returns Resolves once the SMTP server accepted the message.
     * @throws {@link index!MailerError} when the send fails.
     */
    sendVerificationOTP(data: BetterAuthEmailOtpData, ctx?: BetterAuthEndpointContext): Promise<void>;
  };
  /** Spread into `magicLink({ ... })`. */
  magicLink: {
    /**
     * Sends `MagicLink` with the sign-in link.
     *
     * @param data - The address and the link.
     * @param ctx - The endpoint context; its request headers pick the locale.
     * @returns Resolves once the SMTP server accepted the message.
     * @throws {@link index!MailerError} when the send fails.
     */
    sendMagicLink(data: BetterAuthMagicLinkData, ctx?: BetterAuthEndpointContext): Promise<void>;
  };
  /** Spread into `organization({ ... })`. */
  organization: {
    /**
     * Sends `OrganizationInvitation` with the link `invitationLink` builds, `organizationName` and
     * `inviterName`.
     *
     * @param data - The invitation.
     * @param request - The request that caused it; its `Accept-Language` picks the locale.
     * @returns Resolves once the SMTP server accepted the message.
     * @throws {@link index!MailerError} `InvalidConfig` when the adapter was given no
     *   `invitationLink`, or the send's error.
     */
    sendInvitationEmail(data: BetterAuthInvitationData, request?: Request): Promise<void>;
  };
  /** Pass `otpOptions` to `twoFactor({ otpOptions })` (spread it to add your own settings). */
  twoFactor: {
    /** The twoFactor plugin's `otpOptions`. */
    otpOptions: {
      /**
       * Sends `MfaVerification` with the code.
       *
       * @param data - The user and the code.
       * @param ctx - The endpoint context; its request headers pick the locale.
       * @returns Resolves once the SMTP server accepted the message.
       * @throws {@link index!MailerError} when the send fails.
       */
      sendOTP(data: BetterAuthTwoFactorOtpData, ctx?: BetterAuthEndpointContext): Promise<void>;
    };
  };
}

/** Every email callback better-auth and its plugins call, grouped by where each goes in the config. */
export type BetterAuthEmails = BetterAuthCoreEmails & BetterAuthPluginEmails;
