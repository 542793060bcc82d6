import { z } from "zod";

/** The patient a clinician's route is about. */
export const patientParams = z
  .object({ id: z.uuid({ message: "not a valid patient id" }) })
  .strict();
