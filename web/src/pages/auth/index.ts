export { ForgotPasswordPage } from "./ForgotPasswordPage";
export { InvitationPage } from "./InvitationPage";
export { MagicLinkPage } from "./MagicLinkPage";
export { ResetPasswordPage } from "./ResetPasswordPage";
export { SignInPage } from "./SignInPage";
export { VerifyEmailPage } from "./VerifyEmailPage";
