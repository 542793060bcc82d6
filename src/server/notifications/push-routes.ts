import { contract } from "../../api/contract.ts";
import { deletePushSubscription, savePushSubscription } from "../../db/push-subscriptions.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { handle } from "../http/handle.ts";

/** A browser subscribes to Web Push for the signed-in account, or stops. */
export async function pushRoutes(app: App): Promise<void> {
  handle(app, contract.getPushKey, async (request) => {
    requireUser(request);
    // Made or read when the server became ready, before it took requests.
    const publicKey = app.mitra.notifier.pushPublicKey();
    if (!publicKey) throw new Error("the VAPID keys are not loaded");
    return { publicKey };
  });

  handle(app, contract.subscribePush, async (request, reply) => {
    const user = requireUser(request);
    const { endpoint, keys } = request.body;
    await savePushSubscription(app.mitra.db, user.id, { endpoint, ...keys }, app.mitra.now());
    return reply.status(204).send();
  });

  handle(app, contract.unsubscribePush, async (request, reply) => {
    const user = requireUser(request);
    await deletePushSubscription(app.mitra.db, request.body.endpoint, user.id);
    return reply.status(204).send();
  });
}
