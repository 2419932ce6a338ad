import { useTranslation } from "react-i18next";
import type { PairingStatus } from "../../api/mentoring";
import { Chip } from "../../components/Chip";

/** Where a pairing stands, in words. */
export function StatusOf({ status }: { status: PairingStatus }) {
  const { t } = useTranslation();
  const tone = status === "active" ? "ok" : status === "label_obtained" ? "gold" : "plain";
  return <Chip tone={tone}>{t(`mentoring.statuses.${status}`)}</Chip>;
}
