// The check-in app's service worker: keeps the app itself (its page, scripts and styles) so a
// door phone that reloads without the network still opens it and scans offline. OpenTicket's
// api (/api/*) is never cached. Network first: a new version shows as soon as it is served.
const CACHE = "openticket-checkin-v1";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch("/", { cache: "reload" });
      const html = await page.clone().text();
      await cache.put("/", page);
      // The built scripts and styles the page loads (hashed names under /assets/).
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll([...new Set([...assets, "/manifest.webmanifest"])]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/")) return;
  event.respondWith(
    (async () => {
      try {
        const response = await fetch(request);
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      } catch (error) {
        // ignoreVary: the page asks for its scripts with an Origin header the cached copies lack.
        const cached = await caches.match(request, { ignoreVary: true });
        if (cached) return cached;
        if (request.mode === "navigate") return (await caches.match("/")) ?? Response.error();
        throw error;
      }
    })(),
  );
});
