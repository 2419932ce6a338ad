import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as fr from "@zxcvbn-ts/language-fr";

export const MIN_PASSWORD_LENGTH = 12;
/**
 * zxcvbn's score 3: about 10^8 guesses or more. Below it a password is among
 * the common and breached ones (language-common's list is drawn from breach
 * corpora), a keyboard walk, a repetition, a date, a dictionary word with a
 * few digits, or the person's own name or address.
 */
const MIN_SCORE = 3;

export type PasswordProblem = "too_short" | "too_guessable";

let estimator: ZxcvbnFactory | undefined;
function strength() {
  // Built on first use: the dictionaries take a moment to rank.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    // Past 64 characters a password is judged on its first 64; fewer l33t
    // substitutions tried: both bound the work a hostile password costs.
    maxLength: 64,
    l33tMaxSubstitutions: 10,
  });
  return estimator;
}

/** The words of what Blason knows about the person: the address, its parts, the name's. */
function personalWords(personal: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>(["blason"]);
  for (const value of personal) {
    if (!value) continue;
    words.add(value.toLowerCase());
    for (const part of value.toLowerCase().split(/[^\p{L}\p{N}]+/u))
      if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/**
 * Why a new password is refused, or null when it is good: at least 12
 * characters, and not easy to guess (see MIN_SCORE). `personal` is what we
 * know of the person (email, name), which the password must not lean on.
 */
export function passwordProblem(
  password: string,
  personal: readonly (string | null | undefined)[] = [],
): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "too_short";
  return strength().check(password, personalWords(personal)).score < MIN_SCORE
    ? "too_guessable"
    : null;
}
