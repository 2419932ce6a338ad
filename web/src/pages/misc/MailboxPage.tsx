import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MailSummary } from "../../api/mailbox";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { DataTable } from "../../components/DataTable";
import { FormError } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { formatDate } from "../../i18n";
import { useMailbox } from "./use-mailbox";

export function MailboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("mailbox.title"));
  const [openId, setOpenId] = useState<string | null>(null);
  const { list, mail } = useMailbox(openId);
  return (
    <>
      <h1>{t("mailbox.title")}</h1>
      <p className="lead">{t("mailbox.intro")}</p>
      <FormError error={list.error} />
      {list.data && list.data.messages.length === 0 ? (
        <p className="empty">{t("mailbox.empty")}</p>
      ) : null}
      {list.data && list.data.messages.length > 0 ? (
        <DataTable<MailSummary>
          caption={t("mailbox.caption")}
          rows={list.data.messages}
          rowKey={(m) => m.id}
          rowProps={(m) => (m.id === openId ? { "aria-current": "true" } : {})}
          columns={[
            {
              key: "date",
              header: t("mailbox.date"),
              cell: (m) => formatDate(m.createdAt, i18n.language, true),
            },
            { key: "to", header: t("mailbox.to"), cell: (m) => m.to },
            {
              key: "subject",
              header: t("mailbox.subject"),
              cell: (m) => (
                <Button variant="link" onClick={() => setOpenId(m.id)}>
                  {m.subject}
                </Button>
              ),
            },
          ]}
        />
      ) : null}
      {mail.data ? (
        <Card as="section" className="mail" aria-labelledby="mail-subject">
          <h2 id="mail-subject">{mail.data.subject}</h2>
          <p className="muted">
            {t("mailbox.to")} : {mail.data.to}
          </p>
          <h3>{t("mailbox.html")}</h3>
          <iframe
            title={mail.data.subject}
            sandbox=""
            srcDoc={mail.data.html}
            className="mail__frame"
          />
          <h3>{t("mailbox.text")}</h3>
          <pre className="mail__text">{mail.data.text}</pre>
        </Card>
      ) : null}
    </>
  );
}
