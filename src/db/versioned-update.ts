/**
 * The outcome of a change written only onto the version of a row it was based on: `stale` when
 * another change got in first (with the row as it is now), `not_found` when there is no such row.
 */
export type VersionedUpdate<T> =
  | { outcome: "updated"; record: T }
  | { outcome: "stale"; current: T }
  | { outcome: "not_found" };
