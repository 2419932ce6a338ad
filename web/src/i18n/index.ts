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

export { i18n };
