// The check-in app's service worker: keeps the app itself (its page, scripts and styles) so a
// door phone that reloads without the network still opens it and scans offline. OpenTicket's
// api (/api/*) is never cached. Network first (a new version shows as soon as it is served),
// with a short wait for the page on a network that stalls rather than fails.
const CACHE = "openticket-checkin-v1";
const PAGE_WAIT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const page = await fetch("/", { cache: "reload" });
      if (page.ok) await keepPage(page);
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
  const navigation = request.mode === "navigate";
  event.respondWith(
    (async () => {
      try {
        const response = await fetchWithin(request, navigation ? PAGE_WAIT_MS : undefined);
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(navigation ? keepPage(copy) : keep(request, copy));
        }
        return response;
      } catch (error) {
        // ignoreVary: the page asks for its scripts with an Origin header the cached copies lack.
        const cached = await caches.match(navigation ? "/" : request, { ignoreVary: true });
        if (cached) return cached;
        throw error;
      }
    })(),
  );
});

async function fetchWithin(request, ms) {
  if (!ms) return fetch(request);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetch(request, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

async function keep(request, response) {
  const cache = await caches.open(CACHE);
  await cache.put(request, response);
}

/**
 * Keeps the page and the built files it loads. (Files loaded later, such as the camera's QR
 * reader, are kept when first loaded. Files of earlier versions stay: hashed names, small.)
 */
async function keepPage(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const assets = new Set(
    [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]),
  );
  await cache.put("/", response);
  await cache.addAll([...assets, "/manifest.webmanifest"]);
}
