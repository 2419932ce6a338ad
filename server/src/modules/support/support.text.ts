import type { SupportMeeting } from "../../db/schema";

/** A meeting as an email says it: when (Paris time), then where. */
export function meetingText(meeting: SupportMeeting): string {
  const when = new Intl.DateTimeFormat("fr-FR", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "Europe/Paris",
  }).format(new Date(meeting.startsAt));
  const where = [meeting.place, meeting.videoUrl].filter(Boolean).join(" — ");
  return [`${when} : ${where}`, meeting.note].filter(Boolean).join("\n");
}
