import { api } from "../api.ts";

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
  const { publicKey } = await api<{ publicKey: string }>("GET", "/api/push/key");
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: publicKey,
  });
  const json = subscription.toJSON();
  await api("POST", "/api/push/subscriptions", { endpoint: json.endpoint, keys: json.keys });
  return "subscribed";
}
