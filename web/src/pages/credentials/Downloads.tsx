import { useTranslation } from "react-i18next";
import { sameOriginPath } from "../../api/catalogue";
import type { Credential } from "../../api/credentials";
import { buttonClass } from "../../components/Button";

/** The downloads of one version of Open Badges, under the sentence that says whom it suits. */
function DownloadGroup({
  id,
  intro,
  links,
}: {
  id: string;
  intro: string;
  links: [string, string][];
}) {
  return (
    <>
      <p className="downloads__version" id={id}>
        {intro}
      </p>
      <ul className="downloads plain" aria-labelledby={id}>
        {links.map(([href, label]) => (
          <li key={href}>
            <a className={buttonClass("secondary")} href={sameOriginPath(href)} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** OB 3.0 first (signed), then OB 2.0 for backpacks that read only 2.0. */
export function Downloads({ credential }: { credential: Credential }) {
  const { t } = useTranslation();
  const id = `downloads-${credential.id}`;
  const d = credential.downloads;
  return (
    <div className="download-versions">
      <DownloadGroup
        id={`${id}-ob3`}
        intro={t("credential.downloadOb3")}
        links={[
          [d.png, t("credential.downloadPng")],
          [d.svg, t("credential.downloadSvg")],
          [d.json, t("credential.downloadJson")],
        ]}
      />
      <DownloadGroup
        id={`${id}-ob2`}
        intro={t("credential.downloadOb2")}
        links={[
          [d.ob2Png, t("credential.downloadOb2Png")],
          [d.ob2Svg, t("credential.downloadOb2Svg")],
        ]}
      />
    </div>
  );
}
