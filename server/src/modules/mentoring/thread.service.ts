import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { postMessage } from "../dialogue/dialogue.service";
import { REGION_IN_EMAIL } from "../dialogue/dialogue.text";
import type { Caller } from "../policy/policy";
import { addressesOf, loadPairingFor, pairingUrl, sideOf } from "./mentoring.service";
import { REGION_SIGNATURE, threadAuthor } from "./mentoring.text";

/**
 * A message in the pairing's thread, while it runs. The other side is
 * emailed: the mentor's staff for the mentee's message, the mentee's for
 * the mentor's, both for a manager's.
 */
export async function postMentoringMessage(
  ctx: AppContext,
  options: { caller: Caller; id: string; body: string },
) {
  const { caller } = options;
  const found = await loadPairingFor(ctx, caller.principal, options.id, "mentoring.read");
  if (found.status !== "active") throw new AppError("MENTORING_NOT_ACTIVE");
  const side = sideOf(caller.principal, found);
  const own = side === "mentee" ? found.mentee : side === "mentor" ? found.mentor : null;
  const others =
    side === "mentee"
      ? [found.mentor]
      : side === "mentor"
        ? [found.mentee]
        : [found.mentee, found.mentor];
  await postMessage(ctx, {
    author: caller.user,
    thread: { kind: "mentoring", id: found.pairing.id },
    authorName: threadAuthor(caller.user.name, own?.name ?? REGION_SIGNATURE),
    authorRole: side,
    body: options.body,
    notify: async (tx) => {
      const recipients = [];
      for (const org of others)
        for (const email of await addressesOf(tx, org)) recipients.push({ email, locale: null });
      return {
        recipients,
        template: (excerpt) => ({
          name: "mentoring_message",
          author: own?.name ?? REGION_IN_EMAIL,
          excerpt,
          url: pairingUrl(ctx, found.pairing.id),
        }),
      };
    },
  });
}
