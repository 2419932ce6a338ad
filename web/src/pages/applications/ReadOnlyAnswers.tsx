import { useTranslation } from "react-i18next";
import { type ApplicationDetail, fileUrl } from "../../api/applications";
import { StaffBadgeList } from "./StaffBadgeList";

/** The answers as sent: each criterion with its answer, links, files and staff badges. */
export function ReadOnlyAnswers({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <ol className="criteria">
      {detail.criteriaToAnswer.map(({ key, statement }) => {
        const a = detail.answers[key];
        return (
          <li key={key}>
            <p>
              <strong>{statement}</strong>
            </p>
            <p className="answer">{a?.answer || t("applications.noAnswer")}</p>
            {a?.links.length ? (
              <ul>
                {a.links.map((l) => (
                  <li key={l}>
                    <a href={l} rel="noopener noreferrer">
                      {l}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <ul className="files">
              {detail.files
                .filter((f) => f.criterion === key)
                .map((f) => (
                  <li key={f.id}>
                    <a href={fileUrl(detail.id, f.id)}>{f.filename}</a>
                  </li>
                ))}
            </ul>
            <StaffBadgeList detail={detail} criterion={key} />
          </li>
        );
      })}
    </ol>
  );
}
