import type { ApplicationDetail } from "../../api/applications";
import { DecisionForm } from "./DecisionForm";
import { PanelForm } from "./PanelForm";
import { useManagerActions } from "./use-application";

/** What a programme manager may do now: choose the panel, record the decision (the server says which). */
export function ManagerPanel({
  detail,
  onChange,
}: {
  detail: ApplicationDetail;
  onChange: () => void;
}) {
  const { reviewers, assign, decision } = useManagerActions(detail.id, onChange);
  return (
    <>
      {detail.can.events.includes("assign_reviewers") ? (
        <PanelForm detail={detail} reviewers={reviewers} assign={assign} />
      ) : null}
      {detail.can.events.includes("grant") ? (
        <DecisionForm detail={detail} decision={decision} />
      ) : null}
    </>
  );
}
