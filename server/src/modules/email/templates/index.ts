import type { Template } from "../layout";
import { type ApplicationDecidedParams, applicationDecided } from "./application-decided";
import { type ApplicationMessageParams, applicationMessage } from "./application-message";
import { type ApplicationSubmittedParams, applicationSubmitted } from "./application-submitted";
import { type BadgeAwardedParams, badgeAwarded } from "./badge-awarded";
import { type BadgeRevokedParams, badgeRevoked } from "./badge-revoked";
import { type DraftReminderParams, draftReminder } from "./draft-reminder";
import { type EmailVerificationParams, emailVerification } from "./email-verification";
import { type EndorsementInvitedParams, endorsementInvited } from "./endorsement-invited";
import { type ExpiryReminderParams, expiryReminder } from "./expiry-reminder";
import { type IdeaAnsweredParams, ideaAnswered } from "./idea-answered";
import { type IdeaProposedParams, ideaProposed } from "./idea-proposed";
import { type InvitationParams, invitation } from "./invitation";
import { type LabelEligibleParams, labelEligible } from "./label-eligible";
import { type LabelRefusedParams, labelRefused } from "./label-refused";
import { type LabelRequestedParams, labelRequested } from "./label-requested";
import { type LabelRestoredParams, labelRestored } from "./label-restored";
import { type LabelSuspendedParams, labelSuspended } from "./label-suspended";
import { type MagicLinkParams, magicLink } from "./magic-link";
import {
  type MentoringLabelObtainedParams,
  mentoringLabelObtained,
} from "./mentoring-label-obtained";
import { type MentoringMessageParams, mentoringMessage } from "./mentoring-message";
import { type MentoringPairedParams, mentoringPaired } from "./mentoring-paired";
import { type PartnerBadgeAwardedParams, partnerBadgeAwarded } from "./partner-badge-awarded";
import { type PasswordResetParams, passwordReset } from "./password-reset";
import { type RegionalBadgeAwardedParams, regionalBadgeAwarded } from "./regional-badge-awarded";
import { type RegionalBadgeChangedParams, regionalBadgeChanged } from "./regional-badge-changed";
import { type RegistrationDecidedParams, registrationDecided } from "./registration-decided";
import { type RegistrationMessageParams, registrationMessage } from "./registration-message";
import { type RegistrationSubmittedParams, registrationSubmitted } from "./registration-submitted";
import { type ReviewAssignedParams, reviewAssigned } from "./review-assigned";
import { type ReviewReopenedParams, reviewReopened } from "./review-reopened";
import { type StaffInvitationParams, staffInvitation } from "./staff-invitation";
import { type SupportUpdateParams, supportUpdate } from "./support-update";

/** Every email Blason sends, by name, with the parameters it is rendered from. */
export type TemplateParams = {
  invitation: InvitationParams;
  staff_invitation: StaffInvitationParams;
  magic_link: MagicLinkParams;
  password_reset: PasswordResetParams;
  email_verification: EmailVerificationParams;
  badge_awarded: BadgeAwardedParams;
  badge_revoked: BadgeRevokedParams;
  application_submitted: ApplicationSubmittedParams;
  application_decided: ApplicationDecidedParams;
  application_message: ApplicationMessageParams;
  review_assigned: ReviewAssignedParams;
  review_reopened: ReviewReopenedParams;
  expiry_reminder: ExpiryReminderParams;
  draft_reminder: DraftReminderParams;
  label_eligible: LabelEligibleParams;
  label_requested: LabelRequestedParams;
  label_refused: LabelRefusedParams;
  label_suspended: LabelSuspendedParams;
  label_restored: LabelRestoredParams;
  idea_proposed: IdeaProposedParams;
  idea_answered: IdeaAnsweredParams;
  endorsement_invited: EndorsementInvitedParams;
  regional_badge_awarded: RegionalBadgeAwardedParams;
  regional_badge_changed: RegionalBadgeChangedParams;
  partner_badge_awarded: PartnerBadgeAwardedParams;
  registration_submitted: RegistrationSubmittedParams;
  registration_decided: RegistrationDecidedParams;
  registration_message: RegistrationMessageParams;
  mentoring_paired: MentoringPairedParams;
  mentoring_message: MentoringMessageParams;
  mentoring_label_obtained: MentoringLabelObtainedParams;
  support_update: SupportUpdateParams;
};

export type TemplateName = keyof TemplateParams;

/** One email to render: its template's name and that template's parameters. */
export type EmailTemplateOf<N extends TemplateName> = {
  [K in N]: { name: K } & TemplateParams[K];
}[N];
export type EmailTemplate = EmailTemplateOf<TemplateName>;

export const templates: { [N in TemplateName]: Template<TemplateParams[N]> } = {
  invitation,
  staff_invitation: staffInvitation,
  magic_link: magicLink,
  password_reset: passwordReset,
  email_verification: emailVerification,
  badge_awarded: badgeAwarded,
  badge_revoked: badgeRevoked,
  application_submitted: applicationSubmitted,
  application_decided: applicationDecided,
  application_message: applicationMessage,
  review_assigned: reviewAssigned,
  review_reopened: reviewReopened,
  expiry_reminder: expiryReminder,
  draft_reminder: draftReminder,
  label_eligible: labelEligible,
  label_requested: labelRequested,
  label_refused: labelRefused,
  label_suspended: labelSuspended,
  label_restored: labelRestored,
  idea_proposed: ideaProposed,
  idea_answered: ideaAnswered,
  endorsement_invited: endorsementInvited,
  regional_badge_awarded: regionalBadgeAwarded,
  regional_badge_changed: regionalBadgeChanged,
  partner_badge_awarded: partnerBadgeAwarded,
  registration_submitted: registrationSubmitted,
  registration_decided: registrationDecided,
  registration_message: registrationMessage,
  mentoring_paired: mentoringPaired,
  mentoring_message: mentoringMessage,
  mentoring_label_obtained: mentoringLabelObtained,
  support_update: supportUpdate,
};
