import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Credential } from "../../api/credentials";
import { createWalletOffer, type WalletProtocol } from "../../api/wallets";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError } from "../../components/forms";
import { useMe } from "../../components/hooks";

/** Whether the signed-in user holds the badge: the person it names, or an admin of its organisation. */
export function useIsHolder(credential: Credential | undefined) {
  const { data: me } = useMe();
  if (!me || !credential) return false;
  if (credential.holder.kind === "person") return me.user.id === credential.holder.id;
  return me.memberships.some(
    (m) => m.organisation.id === credential.holder.id && m.role === "admin",
  );
}

/** "Ajouter à mon portefeuille": an offer as a QR code, a link, and its transaction code. */
export function WalletOffer({ credential }: { credential: Credential }) {
  const { t, i18n } = useTranslation();
  const offer = useMutation({
    mutationFn: (protocol: WalletProtocol) => createWalletOffer(credential.id, protocol),
  });
  const made = offer.data;
  return (
    <Card as="section" aria-labelledby="wallet-title">
      <h2 id="wallet-title">{t("wallet.title")}</h2>
      <p>{t("wallet.intro")}</p>
      <ul className="downloads plain">
        <li>
          <Button variant="secondary" onClick={() => offer.mutate("oid4vci")}>
            {t("wallet.openid4vci")}
          </Button>
        </li>
        <li>
          <Button variant="secondary" onClick={() => offer.mutate("vc-api")}>
            {t("wallet.lcw")}
          </Button>
        </li>
      </ul>
      <FormError error={offer.error} />
      {made ? (
        <div className="share-extras" aria-live="polite">
          <figure className="qr">
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(made.qrSvg)}`}
              alt={t("wallet.qrAlt", { badge: credential.badge.name })}
              width={220}
              height={220}
            />
            <figcaption>
              <a href={made.link}>{t("wallet.link")}</a>
            </figcaption>
          </figure>
          <div>
            {made.txCode ? (
              <dl className="facts">
                <dt>{t("wallet.txCode")}</dt>
                <dd>
                  <strong className="wallet-code">{made.txCode}</strong>
                </dd>
              </dl>
            ) : null}
            <p className="muted">
              {t("wallet.expires", {
                time: new Date(made.expiresAt).toLocaleTimeString(i18n.language, {
                  hour: "2-digit",
                  minute: "2-digit",
                }),
              })}
            </p>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
