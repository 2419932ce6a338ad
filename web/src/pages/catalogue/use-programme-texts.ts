import { useQuery } from "@tanstack/react-query";
import { fetchProgrammeTexts, supportKeys } from "../../api/support";

/** One of the programme's texts (managers edit them) in the reader's language, once loaded. */
export function useProgrammeText(key: string, language: string): string | undefined {
  const texts = useQuery({ queryKey: supportKeys.programmeTexts(), queryFn: fetchProgrammeTexts });
  const found = texts.data?.texts.find((t) => t.key === key);
  return found ? (language.startsWith("en") ? found.en : found.fr) : undefined;
}
