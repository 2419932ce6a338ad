/**
 * French organisation identifiers. SIRET: 14 digits with a Luhn check (La
 * Poste's establishments use a digit sum divisible by 5 instead). UAI: 7 digits
 * and a check letter, the number modulo 23 in an alphabet without I, O, Q.
 */
const UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
const LA_POSTE_SIREN = "356000000";

export function normaliseSiret(input: string): string {
  return input.replace(/[\s.]/g, "");
}

export function normaliseUai(input: string): string {
  return input.replace(/\s/g, "").toUpperCase();
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type IdentifierProblem = "format" | "checksum";

export function checkSiret(siret: string): IdentifierProblem | null {
  if (!/^\d{14}$/.test(siret)) return "format";
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== "35600000000048") {
    const sum = [...siret].reduce((acc, d) => acc + Number(d), 0);
    return sum % 5 === 0 ? null : "checksum";
  }
  return luhnValid(siret.slice(0, 9)) && luhnValid(siret) ? null : "checksum";
}

export function uaiCheckLetter(digits: string): string {
  return UAI_LETTERS[Number(digits) % 23] ?? "";
}

export function checkUai(uai: string): IdentifierProblem | null {
  if (!/^\d{7}[A-Z]$/.test(uai)) return "format";
  return uaiCheckLetter(uai.slice(0, 7)) === uai[7] ? null : "checksum";
}
