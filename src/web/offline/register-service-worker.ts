/**
 * Registers /sw.js (built from ./service-worker.js), which lets the app open without a
 * connection and makes it installable. Browsers offer service workers only over HTTPS or on
 * localhost; elsewhere Mitra works as before, and entries made offline still wait in the outbox.
 */
if ("serviceWorker" in navigator && window.isSecureContext) {
  const register = () => {
    navigator.serviceWorker
      .register("/sw.js", { scope: "/", updateViaCache: "none" })
      .catch((error) => console.warn("Mitra could not install its offline copy:", error));
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
