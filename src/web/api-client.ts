import {
  QueryClient,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { RouteInput, RouteOutput, RouteSpec } from "../api/define.ts";
import { routeUrl } from "../api/path.ts";
import { ApiFailure, api } from "./api.ts";
import { withKeptCopy } from "./offline/kept-copy.ts";

/**
 * The web app's one way to call the API: typed by the contract (src/api), cached and refreshed
 * by TanStack Query. Reads use `useRouteQuery`; writes use `useRouteMutation`, which refreshes
 * every cached read of the same feature (the route's tag) and of any tags it names.
 */

/** Whether a failed read is worth trying again: a server error, or a lost connection while online. */
function worthRetrying(count: number, error: unknown): boolean {
  if (count >= 2 || !(error instanceof ApiFailure)) return false;
  if (error.status === 0) return navigator.onLine;
  return error.status >= 500;
}

/** One item of the list `K` in what route `S` answers (a claim of the claims, a plan of the plans). */
export type RouteItem<
  S extends RouteSpec,
  K extends keyof RouteOutput<S>,
> = RouteOutput<S>[K] extends readonly (infer Item)[] ? Item : never;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: worthRetrying,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      // Offline, a read still runs and fails at once with the "could not reach" message (or
      // answers a kept copy), as the pages always did, rather than waiting paused.
      networkMode: "always",
    },
    mutations: { retry: false, networkMode: "always" },
  },
});

/** Calls one route of the contract. */
export function callRoute<S extends RouteSpec>(
  spec: S,
  input: RouteInput<S> = {} as RouteInput<S>,
): Promise<RouteOutput<S>> {
  const parts = input as {
    params?: Record<string, string | number>;
    query?: Record<string, unknown>;
    body?: unknown;
    headers?: Record<string, string>;
  };
  return api<RouteOutput<S>>(
    spec.method,
    routeUrl(spec.path, parts.params, parts.query),
    parts.body,
    parts.headers,
  );
}

/**
 * The cache key of a read: its feature first, so a write can refresh the feature's reads. A read
 * made by POST (a check that saves nothing) is keyed by its body too.
 */
export function routeKey<S extends RouteSpec>(spec: S, input?: RouteInput<S>): unknown[] {
  const parts = (input ?? {}) as { params?: unknown; query?: unknown; body?: unknown };
  return [spec.tag, spec.path, parts.params ?? null, parts.query ?? null, parts.body ?? null];
}

type ReadOptions<S extends RouteSpec, T> = Omit<
  UseQueryOptions<RouteOutput<S>, ApiFailure, T>,
  "queryKey" | "queryFn"
> & {
  /**
   * Public reference data (the catalog) kept on the device under this name from the last load,
   * answered when there is no connection (offline/kept-copy.ts).
   */
  keptAs?: string;
};

function readOf<S extends RouteSpec>(spec: S, input: RouteInput<S> | undefined, keptAs?: string) {
  return {
    queryKey: routeKey(spec, input),
    queryFn: () =>
      keptAs === undefined
        ? callRoute(spec, input)
        : withKeptCopy(keptAs, () => callRoute(spec, input)),
  };
}

/** Reads a route and follows it as its input changes. */
export function useRouteQuery<S extends RouteSpec, T = RouteOutput<S>>(
  spec: S,
  input?: RouteInput<S>,
  { keptAs, ...options }: ReadOptions<S, T> = {},
) {
  return useQuery<RouteOutput<S>, ApiFailure, T>({ ...readOf(spec, input, keptAs), ...options });
}

/** Reads a route outside a component, through the same cache (a loader that needs one answer). */
export function fetchRoute<S extends RouteSpec>(
  spec: S,
  input?: RouteInput<S>,
  keptAs?: string,
): Promise<RouteOutput<S>> {
  return queryClient.fetchQuery<RouteOutput<S>, ApiFailure>(readOf(spec, input, keptAs));
}

/** Writes through a route; on success, refreshes the reads of its tag and of `alsoRefresh`. */
export function useRouteMutation<S extends RouteSpec>(
  spec: S,
  alsoRefresh: readonly string[] = [],
) {
  const client = useQueryClient();
  return useMutation<RouteOutput<S>, ApiFailure, RouteInput<S>>({
    mutationFn: (input) => callRoute(spec, input),
    onSuccess: () =>
      Promise.all(
        [spec.tag, ...alsoRefresh].map((tag) => client.invalidateQueries({ queryKey: [tag] })),
      ),
  });
}
