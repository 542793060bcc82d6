import type { EvidenceClaim, EvidenceTopic } from "./evidence-claim.ts";

/** Claims tagged with the topic, in their data order; every claim when no topic is given. */
export function claimsByTopic(
  claims: readonly EvidenceClaim[],
  topic?: EvidenceTopic,
): EvidenceClaim[] {
  return topic === undefined ? [...claims] : claims.filter((c) => c.topics.includes(topic));
}
