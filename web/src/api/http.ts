/**
 * Typed calls to the server, checked against the generated OpenAPI types:
 * a path that does not exist, a missing parameter or a wrong body is a type
 * error, and the result has the type the server documents.
 *
 *   request("get", "/api/organisations/{id}", { path: { id } })
 */
import { api } from "./client";
import type { paths } from "./schema.gen";

export type Method = "get" | "post" | "put" | "patch" | "delete";
export type Path = keyof paths;

/** The paths that answer `method`. */
export type PathFor<M extends Method> = {
  [P in Path]: paths[P] extends { [K in M]: object } ? P : never;
}[Path];

type Operation<P extends Path, M extends Method> = paths[P] extends { [K in M]: infer O }
  ? O
  : never;
/** The JSON a response or body carries (JSON-LD documents included). */
type JsonOf<T> = T extends { content: infer C }
  ? C extends { "application/json": infer B }
    ? B
    : C extends { "application/ld+json": infer B }
      ? B
      : undefined
  : undefined;
type Success<R> = 200 extends keyof R
  ? JsonOf<R[200]>
  : 201 extends keyof R
    ? JsonOf<R[201]>
    : 202 extends keyof R
      ? JsonOf<R[202]>
      : undefined;

/** What a successful call returns. */
export type ResponseOf<P extends Path, M extends Method = "get"> =
  Operation<P, M> extends {
    responses: infer R;
  }
    ? Success<R>
    : never;

/** The JSON body a call sends. */
export type BodyOf<P extends Path, M extends Method> =
  Operation<P, M> extends {
    requestBody?: infer B;
  }
    ? JsonOf<NonNullable<B>>
    : never;

type ParametersOf<P extends Path, M extends Method> =
  Operation<P, M> extends {
    parameters: infer X;
  }
    ? X
    : never;
export type PathParamsOf<P extends Path, M extends Method> = NonNullable<
  ParametersOf<P, M> extends { path?: infer X } ? X : never
>;
export type QueryOf<P extends Path, M extends Method> = NonNullable<
  ParametersOf<P, M> extends { query?: infer X } ? X : never
>;

type Options<P extends Path, M extends Method> = ([PathParamsOf<P, M>] extends [never]
  ? { path?: never }
  : { path: PathParamsOf<P, M> }) & {
  query?: QueryOf<P, M>;
  body?: BodyOf<P, M>;
};

/** `/api/organisations/{id}` with `{ id }`, each value URL-encoded; then the query string. */
export function urlOf(
  template: string,
  path: Record<string, string | number> = {},
  query: Record<string, unknown> = {},
): string {
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = path[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const qs = search.toString();
  return qs ? `${url}?${qs}` : url;
}

export function request<M extends Method, P extends PathFor<M>>(
  method: M,
  path: P,
  ...[options]: [PathParamsOf<P, M>] extends [never]
    ? [options?: Options<P, M>]
    : [options: Options<P, M>]
): Promise<ResponseOf<P, M>> {
  const url = urlOf(
    path,
    (options?.path ?? {}) as Record<string, string | number>,
    (options?.query ?? {}) as Record<string, unknown>,
  );
  return api<ResponseOf<P, M>>(method.toUpperCase(), url, options?.body);
}
