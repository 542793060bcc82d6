import { contract } from "../../api/contract.ts";
import { ACKNOWLEDGEMENTS_PER_DAY } from "../../core/quiet-warnings.ts";
import { withAuditEntry } from "../../db/audit.ts";
import { acknowledgedWarningCodes, acknowledgeWarning } from "../../db/warning-acknowledgements.ts";
import { ownChange } from "../audit/own-change.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import { safeZonedDay } from "./safety-context.ts";

/**
 * "Got it, quiet for today": the person acknowledges a warning's code for the rest of their
 * calendar day (core/quiet-warnings.ts says which warnings then fold), kept on the server so it
 * holds on every device; and the day's codes.
 */
export async function acknowledgementRoutes(app: App): Promise<void> {
  const db = app.mitra.db;

  handle(app, contract.listAcknowledgedWarnings, async (request) => {
    const user = requireUser(request);
    const day = safeZonedDay(app.mitra.now(), user.timeZone);
    return { day, codes: await acknowledgedWarningCodes(db, user.id, day) };
  });

  handle(app, contract.acknowledgeWarning, async (request, reply) => {
    const user = requireUser(request);
    const now = app.mitra.now();
    const day = safeZonedDay(now, user.timeZone);
    const { code } = request.body;
    const result = await withAuditEntry(
      db,
      (trx) => acknowledgeWarning(trx, user.id, day, code, now, ACKNOWLEDGEMENTS_PER_DAY),
      (result) =>
        result !== "full" && result.created
          ? ownChange(request, {
              userId: user.id,
              action: "create",
              entity: "warning_acknowledgement",
              // The code names substances (interaction.opioid-alcohol): clinical content, kept in
              // the details, which the administrator's audit listing leaves out.
              entityId: null,
              at: now,
              details: { day, code },
            })
          : null,
    );
    if (result === "full") {
      throw new ApiError(
        429,
        "too_many_acknowledgements",
        `You have quieted ${ACKNOWLEDGEMENTS_PER_DAY} different warnings today, the most for ` +
          "one day. This one stays shown in full; tomorrow you can quiet warnings again.",
        { limit: ACKNOWLEDGEMENTS_PER_DAY, day },
      );
    }
    reply.status(result.created ? 201 : 200);
    return {
      acknowledgement: { code, day, acknowledgedAt: result.acknowledgedAt },
      day,
      codes: await acknowledgedWarningCodes(db, user.id, day),
    };
  });
}
