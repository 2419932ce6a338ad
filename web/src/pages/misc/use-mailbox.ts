import { useQuery } from "@tanstack/react-query";
import { fetchMail, fetchMailbox, mailboxKeys } from "../../api/mailbox";

/** The mailbox, refreshed every 3 s, and the message open in it. */
export function useMailbox(openId: string | null) {
  const list = useQuery({
    queryKey: mailboxKeys.list(),
    queryFn: fetchMailbox,
    refetchInterval: 3000,
  });
  const mail = useQuery({
    queryKey: mailboxKeys.mail(openId),
    queryFn: () => fetchMail(openId ?? ""),
    enabled: !!openId,
  });
  return { list, mail };
}
