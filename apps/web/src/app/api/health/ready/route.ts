// GET /api/health/ready — readiness for a load balancer (src/server/readiness.ts). Under
// `pnpm start` the API server answers it for its own process before it reaches Next.js.
import { readinessResponse } from "~/server/readiness";

export const dynamic = "force-dynamic";

export function GET() {
  return readinessResponse();
}
