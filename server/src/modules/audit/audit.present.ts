/** The page of the web app where the object of an audit row is seen, when there is one. */
export function auditLink(targetType: string, targetId: string | null): string | null {
  if (targetType === "label_request") return "/gestion/labels";
  if (targetType === "partner_registration") return "/gestion/partenaires";
  if (targetType === "collection") return "/gestion/catalogue";
  if (!targetId) return null;
  if (targetType === "credential") return `/credentials/${targetId}`;
  if (targetType === "application") return `/demandes/${targetId}`;
  if (targetType === "organisation") return `/organisations/${targetId}`;
  return null;
}
