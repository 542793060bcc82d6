/** What a clinician may see of a person's record. Plans are read with `doses`. */
export const CARE_SCOPES = ["doses", "assessments", "notes", "products"] as const;
export type CareScope = (typeof CARE_SCOPES)[number];
