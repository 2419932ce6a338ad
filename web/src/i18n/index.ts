import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setApiLocale } from "../api/client";
import { en } from "./en";
import { fr } from "./fr";

export type Lang = "fr" | "en";
const STORAGE_KEY = "blason.lang";

function initialLanguage(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === "en" ? "en" : "fr";
}

const lng = initialLanguage();
setApiLocale(lng);
document.documentElement.lang = lng;

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng,
  fallbackLng: "fr",
  interpolation: { escapeValue: false },
  returnObjects: true,
});

export function changeLanguage(lang: Lang) {
  localStorage.setItem(STORAGE_KEY, lang);
  setApiLocale(lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function formatDate(iso: string, lang: string, withTime = false): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "fr-FR", {
    timeZone: "Europe/Paris",
    day: "numeric",
    month: "long",
    year: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
  }).format(new Date(iso));
}

/**
 * A commission session's name, written from its date in the reader's
 * language ("Commission d'avril 2027", "April 2027 commission"), never the
 * name stored by whoever created it.
 */
export function sessionLabel(
  session: { commissionDate: string; revisionsOnly: boolean },
  lang: string,
): string {
  const monthYear = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "fr-FR", {
    timeZone: "Europe/Paris",
    month: "long",
    year: "numeric",
  }).format(new Date(`${session.commissionDate}T12:00:00Z`));
  // French elides "de" before a vowel: d'avril, d'août, d'octobre.
  const of =
    lang === "en" ? monthYear : /^[aeiou]/i.test(monthYear) ? `d'${monthYear}` : `de ${monthYear}`;
  return i18n.t(session.revisionsOnly ? "sessions.revisions" : "sessions.commission", {
    lng: lang,
    of,
  });
}

export { i18n };
