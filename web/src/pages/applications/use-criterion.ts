import { useEffect, useRef, useState } from "react";
import {
  type ApplicationDetail,
  removeFile,
  removeStaffBadge,
  updateApplication,
  uploadFile,
} from "../../api/applications";

/**
 * One criterion's answer while the applicant writes it: saved a moment
 * after the last keystroke, with its files (upload progress) and staff badges.
 */
export function useCriterion(detail: ApplicationDetail, index: string, onSaved: () => void) {
  const saved = detail.answers[index] ?? { answer: "", links: [] };
  const [answer, setAnswer] = useState(saved.answer);
  const [links, setLinks] = useState(saved.links.join("\n"));
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const first = useRef(true);

  // Autosave a second after the last keystroke.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      setStatus("saving");
      updateApplication(detail.id, {
        answers: {
          [index]: { answer, links: links.split(/\s+/).filter(Boolean) },
        },
      })
        .then(() => {
          setStatus("saved");
          setError(null);
          onSaved();
        })
        .catch((e) => {
          setStatus("idle");
          setError(e);
        });
    }, 800);
    return () => clearTimeout(timer);
  }, [answer, links, detail.id, index, onSaved]);

  const upload = (file: File) => {
    setProgress(0);
    return uploadFile(detail.id, index, file, setProgress)
      .then(() => {
        setError(null);
        onSaved();
      })
      .catch(setError)
      .finally(() => setProgress(null));
  };

  return {
    answer,
    setAnswer,
    links,
    setLinks,
    status,
    error,
    progress,
    upload,
    removeFile: (fileId: string) => removeFile(detail.id, fileId).then(onSaved, setError),
    removeStaffBadge: (badgeId: string) =>
      removeStaffBadge(detail.id, badgeId).then(onSaved, setError),
  };
}
