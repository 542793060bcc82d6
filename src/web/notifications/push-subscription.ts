import { contract } from "../../api/contract.ts";
import { callRoute } from "../api-client.ts";

/** Whether this browser can receive Web Push from Mitra (service worker, Push API, HTTPS). */
export function pushSupported(): boolean {
  return (
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    "Notification" in window &&
    window.isSecureContext
  );
}

/** Asks permission, subscribes this browser with the server's key and registers it. */
export async function subscribeThisBrowser(): Promise<"subscribed" | "denied"> {
  if ((await Notification.requestPermission()) !== "granted") return "denied";
  const { publicKey } = await callRoute(contract.getPushKey);
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: publicKey,
  });
  const json = subscription.toJSON();
  if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth) throw new Error("no subscription");
  await callRoute(contract.subscribePush, {
    body: { endpoint: json.endpoint, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } },
  });
  return "subscribed";
}
