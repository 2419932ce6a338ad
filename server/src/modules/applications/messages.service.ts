import type { AppContext } from "../../context";
import type { Locale } from "../../errors";
import { listMessages, type MessageRow } from "../dialogue/dialogue.repo";
import { postMessage } from "../dialogue/dialogue.service";
import { aliasTexts, REGION_IN_EMAIL } from "../dialogue/dialogue.text";
import type { Caller } from "../policy/policy";
import { can } from "../policy/policy";
import { listUserAddresses } from "../review/review.repo";
import { reviewersAnonymous } from "./applications.repo";
import { type AuthorAlias, authorAliases } from "./applications.rules";
import { readableApplication } from "./applications.service";

/** "Relecteur 1", "Région": who wrote, as an applicant reads it. */
function aliasName(alias: Exclude<AuthorAlias, { role: "applicant" }>, locale: Locale) {
  const texts = aliasTexts[locale];
  return alias.role === "manager" ? texts.region : texts.reviewer(alias.number);
}

/** The dialogue as its reader sees it: names for staff, pseudonyms for an applicant when so set. */
export function presentMessages<M extends MessageRow>(
  messages: M[],
  pseudonyms: boolean,
  locale: Locale,
) {
  const aliases = authorAliases(messages);
  return messages.map((m, i) => {
    const alias = aliases[i]!;
    const hide = pseudonyms && alias.role !== "applicant";
    return {
      ...m,
      authorName: hide ? aliasName(alias, locale) : m.authorName,
      pseudonym: hide,
    };
  });
}

/** A message in the application's dialogue; the other side (the CFA, or its reviewers) is told. */
export async function postApplicationMessage(
  ctx: AppContext,
  options: { caller: Caller; id: string; body: string },
) {
  const {
    caller: { principal, user },
    id,
  } = options;
  const found = await readableApplication(ctx, principal, id);
  const role = can(principal, "application.apply", { org: found.org })
    ? "applicant"
    : found.reviewers.includes(user.id)
      ? "reviewer"
      : "manager";
  const anonymous = await reviewersAnonymous(ctx.db, found.badge.collectionId);
  const thread = { kind: "application", id } as const;
  await postMessage(ctx, {
    author: user,
    thread,
    authorName: role === "applicant" ? `${user.name} (${found.org.name})` : user.name,
    authorRole: role,
    body: options.body,
    notify: async (tx) => {
      // The CFA reads the name its page shows: "Relecteur 2" is the same person in both.
      const seenByApplicant = presentMessages(
        await listMessages(tx, thread),
        anonymous,
        "fr",
      ).findLast((m) => m.authorId === user.id);
      // The other side hears of it: the CFA's mailbox, or the reviewers.
      const recipients =
        role === "applicant"
          ? await listUserAddresses(tx, found.reviewers)
          : [{ email: found.org.contactEmail, locale: "fr" }];
      return {
        recipients,
        template: (excerpt) => ({
          name: "application_message",
          organisation: found.org.name,
          badge: found.badge.name,
          author:
            role === "applicant"
              ? found.org.name
              : role === "manager" && anonymous
                ? REGION_IN_EMAIL
                : (seenByApplicant?.authorName ?? user.name),
          excerpt,
          url: `${ctx.config.publicUrl}/demandes/${id}`,
        }),
      };
    },
  });
}
