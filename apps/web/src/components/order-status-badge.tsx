// Orders (PENDING, PAID, CANCELLED, FAILED, EXPIRED) and tickets (VALID, CANCELLED, CHECKED_IN).
const STYLES: Record<string, string> = {
  PAID: "bg-emerald-100 text-emerald-900",
  CANCELLED: "bg-slate-200 text-slate-700",
  PENDING: "bg-amber-100 text-amber-900",
  FAILED: "bg-red-100 text-red-800",
  EXPIRED: "bg-slate-200 text-slate-700",
  VALID: "bg-emerald-100 text-emerald-900",
  CHECKED_IN: "bg-sky-100 text-sky-900",
};

export function OrderStatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span
      data-testid="order-status"
      className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status] ?? ""}`}
    >
      {label}
    </span>
  );
}
