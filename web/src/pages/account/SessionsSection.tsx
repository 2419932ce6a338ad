import type { UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { SessionInfo } from "../../api/account";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { DataTable } from "../../components/DataTable";
import { formatDate } from "../../i18n";

/** Where the user is signed in, and signing out everywhere. */
export function SessionsSection({
  sessions,
  everywhere,
}: {
  sessions: SessionInfo[] | undefined;
  everywhere: UseMutationResult<unknown, Error, void>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card as="section" aria-labelledby="sessions">
      <h2 id="sessions">{t("account.sessions")}</h2>
      {sessions ? (
        <DataTable<SessionInfo>
          caption={t("account.sessionsCaption")}
          rows={sessions}
          rowKey={(s) => s.id}
          columns={[
            {
              key: "device",
              header: t("account.device"),
              cell: (s) => (
                <>
                  {s.userAgent ?? "—"}
                  {s.current ? <strong> ({t("account.current_")})</strong> : null}
                </>
              ),
            },
            {
              key: "since",
              header: t("account.since"),
              cell: (s) => formatDate(s.createdAt, i18n.language, true),
            },
            {
              key: "lastSeen",
              header: t("account.lastSeen"),
              cell: (s) => formatDate(s.lastSeenAt, i18n.language, true),
            },
          ]}
        />
      ) : null}
      <p className="muted">{t("account.everywhereHint")}</p>
      <Button variant="danger" onClick={() => everywhere.mutate()}>
        {t("account.everywhere")}
      </Button>
    </Card>
  );
}
