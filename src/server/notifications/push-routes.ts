import { deletePushSubscription, savePushSubscription } from "../../db/push-subscriptions.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { pushKeyResponse, pushSubscriptionBody, pushUnsubscribeBody } from "./schemas.ts";

/** A browser subscribes to Web Push for the signed-in account, or stops. */
export async function pushRoutes(app: App): Promise<void> {
  app.get(
    "/api/push/key",
    {
      schema: {
        tags: ["notifications"],
        summary: "The server's VAPID public key, to subscribe a browser with",
        response: { 200: pushKeyResponse },
      },
    },
    async (request) => {
      requireUser(request);
      // Made or read when the server became ready, before it took requests.
      const publicKey = app.mitra.notifier.pushPublicKey();
      if (!publicKey) throw new Error("the VAPID keys are not loaded");
      return { publicKey };
    },
  );

  app.post(
    "/api/push/subscriptions",
    {
      schema: {
        tags: ["notifications"],
        summary: "Send this browser the account's notifications (Web Push)",
        body: pushSubscriptionBody,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { endpoint, keys } = request.body;
      await savePushSubscription(app.mitra.db, user.id, { endpoint, ...keys }, app.mitra.now());
      return reply.status(204).send();
    },
  );

  app.delete(
    "/api/push/subscriptions",
    {
      schema: {
        tags: ["notifications"],
        summary: "Stop sending this browser notifications",
        body: pushUnsubscribeBody,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await deletePushSubscription(app.mitra.db, request.body.endpoint, user.id);
      return reply.status(204).send();
    },
  );
}
