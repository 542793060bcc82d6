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

/**
 * The web app's one way to call the API: typed by the contract (src/api), cached and refreshed
 * by TanStack Query. Reads use `useRouteQuery`; writes use `useRouteMutation`, which refreshes
 * every cached read of the same feature (the route's tag) and of any tags it names.
 */

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // An answer a client error explains (a 4xx) will not change on retry.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiFailure && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
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

/** The cache key of a read: its feature first, so a write can refresh the feature's reads. */
export function routeKey<S extends RouteSpec>(spec: S, input?: RouteInput<S>): unknown[] {
  const parts = (input ?? {}) as { params?: unknown; query?: unknown };
  return [spec.tag, spec.path, parts.params ?? null, parts.query ?? null];
}

type ReadOptions<S extends RouteSpec> = Omit<
  UseQueryOptions<RouteOutput<S>, ApiFailure>,
  "queryKey" | "queryFn"
>;

/** Reads a route and follows it as its input changes. */
export function useRouteQuery<S extends RouteSpec>(
  spec: S,
  input?: RouteInput<S>,
  options: ReadOptions<S> = {},
) {
  return useQuery<RouteOutput<S>, ApiFailure>({
    queryKey: routeKey(spec, input),
    queryFn: () => callRoute(spec, input),
    ...options,
  });
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
