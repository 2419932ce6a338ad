import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Credential } from "../../api/credentials";
import { Button, buttonClass } from "../../components/Button";
import { Card } from "../../components/Card";
import { Notice } from "../../components/forms";
import { embedCode, linkedInUrl } from "./share-links";

/** Ways to show the badge: its link, LinkedIn, an email, a QR code, a snippet for a website. */
export function Share({ credential }: { credential: Credential }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const subject = t("credential.shareSubject", { badge: credential.badge.name });
  const body = `${credential.holder.name ? `${credential.holder.name} — ` : ""}${credential.badge.name}\n${credential.url}`;
  return (
    <Card as="section" aria-labelledby="share-title">
      <h2 id="share-title">{t("credential.shareTitle")}</h2>
      <ul className="downloads plain">
        <li>
          <Button
            variant="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(credential.url).then(() => setCopied(true));
            }}
          >
            {t("credential.copyLink")}
          </Button>
        </li>
        <li>
          <a className={buttonClass("secondary")} href={linkedInUrl(credential)}>
            {t("credential.linkedIn")}
          </a>
        </li>
        <li>
          <a
            className={buttonClass("secondary")}
            href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}
          >
            {t("credential.email")}
          </a>
        </li>
      </ul>
      {copied ? <Notice>{t("credential.copied")}</Notice> : null}
      <div className="share-extras">
        <figure className="qr">
          <img
            src={`/api/public/credentials/${credential.id}/qr.svg`}
            alt={t("credential.qrAlt", { badge: credential.badge.name })}
            width={148}
            height={148}
          />
          <figcaption>
            <a href={`/api/public/credentials/${credential.id}/qr.svg`} download>
              {t("credential.qrDownload")}
            </a>
          </figcaption>
        </figure>
        <div className="field embed">
          <label htmlFor="embed-code">{t("credential.embed")}</label>
          <p className="field__hint" id="embed-hint">
            {t("credential.embedHint")}
          </p>
          <textarea
            id="embed-code"
            readOnly
            rows={4}
            aria-describedby="embed-hint"
            value={embedCode(credential)}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      </div>
    </Card>
  );
}
