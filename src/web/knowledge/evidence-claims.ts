import type { EvidenceClaim } from "../../core/evidence/evidence-claim.ts";
import { api } from "../api.ts";
import type { EvidenceListResponse } from "./types.ts";

let all: Promise<EvidenceClaim[]> | undefined;

/** Every evidence claim, fetched once per page load (retried after a failure). */
export function allEvidenceClaims(): Promise<EvidenceClaim[]> {
  all ??= api<EvidenceListResponse>("GET", "/api/evidence")
    .then((r) => r.claims)
    .catch((e: unknown) => {
      all = undefined;
      throw e;
    });
  return all;
}
