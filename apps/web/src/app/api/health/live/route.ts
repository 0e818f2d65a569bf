// GET /api/health/live — liveness for a load balancer or orchestrator: 200 while this process
// can answer at all. It checks nothing else on purpose (see /api/health/ready).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "alive" }, { headers: { "cache-control": "no-store" } });
}
