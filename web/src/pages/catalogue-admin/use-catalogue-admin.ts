import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { catalogueKeys, fetchHistory } from "../../api/catalogue";
import {
  addBadge,
  addEquivalence,
  type BadgeChanges,
  type CollectionChanges,
  catalogueAdminKeys,
  createDraft,
  discardDraft,
  fetchEquivalences,
  fetchManagedCollections,
  type MoveDirection,
  moveBadge,
  type NewBadge,
  type NewDraft,
  type NewEquivalence,
  type ProgrammeSlug,
  publishCollection,
  removeBadge,
  removeEquivalence,
  updateBadge,
  updateCollection,
} from "../../api/catalogue-admin";
import { hasRole, useMe } from "../../components/hooks";

/** The programme being edited: the label's catalogue, or the regional competences (?programme=competences). */
export function useProgramme(): ProgrammeSlug {
  const [params] = useSearchParams();
  return params.get("programme") === "competences" ? "competences" : "label-cfa";
}

/** After any change: the versions, the equivalences and the public history are read again. */
function useRefresh() {
  const queryClient = useQueryClient();
  const programme = useProgramme();
  return () => {
    queryClient.invalidateQueries({ queryKey: catalogueAdminKeys.collections(programme) });
    queryClient.invalidateQueries({ queryKey: catalogueAdminKeys.equivalences() });
    queryClient.invalidateQueries({ queryKey: catalogueKeys.history(programme) });
  };
}

/** The programme's versions and its draft, for a programme manager only. */
export function useManagedCollections() {
  const programme = useProgramme();
  const { data: me } = useMe();
  return useQuery({
    queryKey: catalogueAdminKeys.collections(programme),
    queryFn: () => fetchManagedCollections(programme),
    enabled: hasRole(me, "programme_manager"),
    retry: false,
  });
}

export function useCreateDraft() {
  const programme = useProgramme();
  const onSuccess = useRefresh();
  return useMutation({ mutationFn: (body: NewDraft) => createDraft(programme, body), onSuccess });
}

/** The draft collection's name, version and label rule. */
export function useUpdateCollection(draftId: string) {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: (body: CollectionChanges) => updateCollection(draftId, body),
    onSuccess,
  });
}

export function useAddBadge(draftId: string) {
  const onSuccess = useRefresh();
  return useMutation({ mutationFn: (body: NewBadge) => addBadge(draftId, body), onSuccess });
}

/** The draft as a whole: published (it comes into force) or discarded. */
export function useDraftActions(draftId: string) {
  const onSuccess = useRefresh();
  return {
    publish: useMutation({ mutationFn: () => publishCollection(draftId), onSuccess }),
    discard: useMutation({ mutationFn: () => discardDraft(draftId), onSuccess }),
  };
}

/** What a manager does with one badge of the draft: save it, move it, remove it. */
export function useBadgeActions(badgeId: string) {
  const onSuccess = useRefresh();
  return {
    save: useMutation({
      mutationFn: (body: BadgeChanges) => updateBadge(badgeId, body),
      onSuccess,
    }),
    move: useMutation({
      mutationFn: (direction: MoveDirection) => moveBadge(badgeId, direction),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: () => removeBadge(badgeId), onSuccess }),
  };
}

/** The equivalences between old and new badges, and every version's badges to choose from. */
export function useEquivalences() {
  const programme = useProgramme();
  const onSuccess = useRefresh();
  return {
    list: useQuery({
      queryKey: catalogueAdminKeys.equivalences(),
      queryFn: () => fetchEquivalences(programme),
    }),
    history: useQuery({
      queryKey: catalogueKeys.history(programme),
      queryFn: () => fetchHistory(programme),
    }),
    add: useMutation({ mutationFn: (body: NewEquivalence) => addEquivalence(body), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => removeEquivalence(id), onSuccess }),
  };
}
