import type { MentoringRequestRow, PairingRow } from "./mentoring.repo";
import type { PairingStatus } from "./mentoring.rules";
import type { describePairing } from "./pairing.service";

type Org = { id: string; name: string };
const side = (o: Org) => ({ id: o.id, name: o.name });

export const presentSummary = (row: {
  pairing: PairingRow;
  mentee: Org;
  mentor: Org;
  status: PairingStatus;
}) => ({
  id: row.pairing.id,
  mentee: side(row.mentee),
  mentor: side(row.mentor),
  startsAt: row.pairing.startsAt.toISOString(),
  endsAt: row.pairing.endsAt.toISOString(),
  endedAt: row.pairing.endedAt?.toISOString() ?? null,
  status: row.status,
});

export const presentRequest = (row: { request: MentoringRequestRow; org: Org }) => ({
  id: row.request.id,
  organisation: side(row.org),
  message: row.request.message,
  state: row.request.state,
  pairingId: row.request.pairingId,
  createdAt: row.request.createdAt.toISOString(),
});

export const presentPairing = ({
  found,
  side: reader,
  can,
  messages,
}: Awaited<ReturnType<typeof describePairing>>) => ({
  ...presentSummary(found),
  side: reader,
  sharing: { progress: found.pairing.shareProgress, drafts: found.pairing.shareDrafts },
  can,
  messages: messages.map((m) => ({
    id: m.id,
    authorName: m.authorName,
    authorRole: m.authorRole,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
  })),
});
