import { z } from "zod";
import {
  ACKNOWLEDGEMENTS_PER_DAY,
  WARNING_CODE_MAX_LENGTH,
  WARNING_CODE_PATTERN,
} from "../core/quiet-warnings.ts";
import { route } from "./define.ts";

/** "Got it, quiet for today": a person's acknowledgements of warnings (core/quiet-warnings.ts). */

const WARNINGS = "warnings";

export const acknowledgeWarningBody = z
  .object({
    code: z
      .string()
      .max(WARNING_CODE_MAX_LENGTH, `must be at most ${WARNING_CODE_MAX_LENGTH} characters`)
      .regex(
        WARNING_CODE_PATTERN,
        "is not a warning code: the `code` of a warning Mitra gave, such as " +
          "amount.kratom-leaf-dose-over-tripsit-strong",
      ),
  })
  .strict();

/** The day's acknowledgements: their codes, for the web to fold the repeats. */
const acknowledgedToday = {
  /** The calendar day in the person's time zone. */
  day: z.string(),
  /** Codes acknowledged that day, sorted. Only cautions and notes with these codes go quiet. */
  codes: z.array(z.string()),
};

export const acknowledgedWarningsResponse = z.object(acknowledgedToday);

export const acknowledgeWarningResponse = z.object({
  acknowledgement: z.object({ code: z.string(), day: z.string(), acknowledgedAt: z.string() }),
  ...acknowledgedToday,
});

export const quietWarningRoutes = {
  listAcknowledgedWarnings: route({
    method: "GET",
    path: "/api/me/acknowledged-warnings",
    tag: WARNINGS,
    summary: "The warning codes one acknowledged today (in one's own time zone)",
    access: "signedIn",
    responses: { 200: acknowledgedWarningsResponse },
  }),
  acknowledgeWarning: route({
    method: "POST",
    path: "/api/me/acknowledged-warnings",
    tag: WARNINGS,
    summary: "Got it, quiet for today: fold this warning's repeats today (cautions and notes only)",
    description:
      "Records that one has read the warning with this code, for the rest of today in one's " +
      "own time zone, on every device. Its repeats that day are then folded into one line, " +
      "when they are cautions or notes; urgent, dangerous and unsafe warnings are always shown " +
      "whole. Sending it again the same day answers 200 with the first time. A code that does " +
      "not have a warning code's shape answers 400. A new code on a day that already holds " +
      `${ACKNOWLEDGEMENTS_PER_DAY} answers 429 and is not recorded.`,
    access: "signedIn",
    body: acknowledgeWarningBody,
    responses: { 200: acknowledgeWarningResponse, 201: acknowledgeWarningResponse },
  }),
};
