import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { MentoringRequest } from "../../api/mentoring";
import { Button } from "../../components/Button";
import { Field, FormError, formValues, SelectField } from "../../components/forms";
import { useCfas, usePairMentor } from "./use-mentoring";

/** A manager pairs a mentee CFA with a mentor CFA, answering a request or not. */
export function PairForm({ requests }: { requests: MentoringRequest[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cfas = useCfas(true);
  const pair = usePairMentor();
  const [menteeId, setMenteeId] = useState("");
  const organisations = cfas.data?.organisations ?? [];
  const request = requests.find((r) => r.organisation.id === menteeId);
  return (
    <form
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        const v = formValues(event.currentTarget);
        pair.mutate(
          {
            menteeId: v.menteeId ?? "",
            mentorId: v.mentorId ?? "",
            ...(v.endsAt ? { endsAt: new Date(`${v.endsAt}T23:59:59`).toISOString() } : {}),
            ...(request ? { requestId: request.id } : {}),
          },
          { onSuccess: ({ id }) => navigate(`/parrainage/${id}`) },
        );
      }}
    >
      <h2>{t("mentoring.pairTitle")}</h2>
      <FormError error={pair.error} />
      <SelectField
        label={t("mentoring.mentee")}
        name="menteeId"
        required
        value={menteeId}
        onChange={(event) => setMenteeId(event.currentTarget.value)}
      >
        <option value="">{t("mentoring.choose")}</option>
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
            {requests.some((r) => r.organisation.id === o.id) ? ` (${t("mentoring.asked")})` : ""}
          </option>
        ))}
      </SelectField>
      {request ? <p className="muted">« {request.message} »</p> : null}
      <SelectField label={t("mentoring.mentor")} name="mentorId" required>
        <option value="">{t("mentoring.choose")}</option>
        {organisations
          .filter((o) => o.id !== menteeId)
          .map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
      </SelectField>
      <Field
        label={t("mentoring.endsAt")}
        hint={t("mentoring.endsAtHint")}
        name="endsAt"
        type="date"
        optional
      />
      <Button type="submit" disabled={pair.isPending}>
        {t("mentoring.pair")}
      </Button>
    </form>
  );
}
