/**
 * Mitra's service worker: opens the app without a connection. The build (vite.config.ts) fills in
 * the version and the list of files to keep, and writes this out as /sw.js.
 *
 * - Page loads (navigations): the network first, so a new version shows at once; without a
 *   connection (or after a few seconds of none), the kept index.html.
 * - /assets/*: their names carry a content hash, so the kept copy is always right (cache first).
 * - /api/*: never touched. Data goes to and from the server only; entries made offline wait in
 *   the page's own outbox (IndexedDB), not here.
 */
const VERSION = "__MITRA_SW_VERSION__";
const PRECACHE = __MITRA_SW_PRECACHE__;
const CACHE = `mitra-shell-${VERSION}`;
const SHELL = "/index.html";
const NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith("mitra-shell-") && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** The network's answer within the time limit, or the kept shell. */
async function navigation(request) {
  const cache = await caches.open(CACHE);
  const fromNetwork = fetch(request).then((response) => {
    const type = response.headers.get("content-type") ?? "";
    if (response.ok && type.startsWith("text/html")) {
      // Every page of the app is index.html: keep the newest.
      void cache.put(SHELL, response.clone());
    }
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS));
  try {
    const first = await Promise.race([fromNetwork, timeout]);
    if (first) return first;
  } catch {
    // no connection: fall through to the kept shell
  }
  const kept = await cache.match(SHELL);
  return kept ?? fromNetwork;
}

async function keptFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) void cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) void cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname === "/sw.js") return;
  if (request.mode === "navigate") {
    event.respondWith(navigation(request));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(keptFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});

/**
 * A Web Push from Mitra: `{ title, link }` and nothing else (never health data). Show it; a tap
 * opens the link (the details, behind sign-in) in an open Mitra tab, or a new one.
 */
self.addEventListener("push", (event) => {
  let message = { title: "Mitra", link: "/notifications" };
  try {
    message = { ...message, ...event.data?.json() };
  } catch {
    // Not JSON: show the plain title.
  }
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: "Open Mitra to see the details.",
      data: { link: message.link },
      tag: message.link,
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.link ?? "/notifications", self.location.origin);
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).origin === target.origin);
      if (open) return open.navigate(target.href).then((w) => (w ?? open).focus());
      return self.clients.openWindow(target.href);
    }),
  );
});
