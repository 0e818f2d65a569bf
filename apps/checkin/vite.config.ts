// The check-in app is served on the same origin as the OpenTicket it scans for: this server
// passes /api/* on to OPENTICKET_URL, so next-auth's session cookie and the api's CSRF guard
// (mutations must come from the app's own origin) work unchanged. See README.md.
import { defineConfig, type ProxyOptions } from "vite";

const target = process.env.OPENTICKET_URL ?? "http://localhost:3000";

const api: Record<string, ProxyOptions> = {
  "/api": {
    target,
    changeOrigin: true,
    configure(proxy) {
      // A request from this app's own page carries this server's origin; the api knows its own.
      // Only that origin is vouched for: a page of any other site keeps its Origin and is refused.
      proxy.on("proxyReq", (request, incoming) => {
        const origin = incoming.headers.origin;
        if (origin && origin === `http://${incoming.headers.host}`) {
          request.setHeader("origin", new URL(target).origin);
        }
      });
    },
  },
};

export default defineConfig({
  server: { proxy: api },
  preview: { proxy: api },
  build: { target: "es2022" },
});
