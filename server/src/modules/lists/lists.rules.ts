/** How many rows match in all: the count of the state asked for, else of every state. */
export function totalOf(perState: readonly { state: string; n: number }[], state?: string) {
  return perState.reduce((sum, s) => (state && s.state !== state ? sum : sum + s.n), 0);
}
