import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  answerIdea,
  fetchIdeas,
  type IdeaAnswer,
  ideaKeys,
  type NewIdea,
  proposeIdea,
} from "../../api/ideas";
import { useMe } from "../../components/hooks";

export function useIdeas() {
  const me = useMe();
  const ideas = useQuery({ queryKey: ideaKeys.all(), queryFn: fetchIdeas, enabled: !!me.data });
  return { me, ideas };
}

export function useProposeIdea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organisationId, ...body }: NewIdea & { organisationId: string }) =>
      proposeIdea(organisationId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ideaKeys.all() }),
  });
}

export function useAnswerIdea(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IdeaAnswer) => answerIdea(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ideaKeys.all() }),
  });
}
