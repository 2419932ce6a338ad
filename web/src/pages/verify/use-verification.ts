import { useMutation } from "@tanstack/react-query";
import { type RefObject, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api/client";
import { verifyBadge } from "../../api/verify";

/** A local address for the file the visitor chose, released when it changes. */
function useObjectUrl(blob: Blob | undefined) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) {
      setUrl(undefined);
      return;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

/**
 * One verification at a time, the result focused when it comes; a badge
 * linked to the page (`linked`) is verified at once.
 */
export function useVerification({
  linked,
  recipient,
  result,
}: {
  linked: string;
  recipient: string;
  result: RefObject<HTMLDivElement | null>;
}) {
  const verify = useMutation({
    mutationFn: (body: Blob | string) => verifyBadge(body, recipient.trim() || undefined),
    onSettled: () => setTimeout(() => result.current?.focus(), 0),
  });
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !linked) return;
    started.current = true;
    verify.mutate(linked);
  }, [linked, verify]);
  // A baked badge is its own image: what was sent, not what is chosen now.
  const sentFile = useObjectUrl(verify.variables instanceof Blob ? verify.variables : undefined);
  // A mistyped holder is told next to its field, not as the badge's verdict.
  const recipientError =
    verify.error instanceof ApiError && verify.error.code === "VERIFY_RECIPIENT_INVALID"
      ? (verify.error.fields.recipient ?? verify.error.message)
      : undefined;
  return { verify, sentFile, recipientError };
}
