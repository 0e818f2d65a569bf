// An event's refund policy in one place: whether an order may be cancelled now, and for how much.
export type RefundPolicy = {
  startsAt: Date;
  refundableUntilHours: number | null;
  refundPercent: number;
};

export function refundDeadline(policy: RefundPolicy): Date | null {
  if (policy.refundableUntilHours === null) return null;
  return new Date(policy.startsAt.getTime() - policy.refundableUntilHours * 3600_000);
}

export function canRefund(policy: RefundPolicy, now: Date): boolean {
  const deadline = refundDeadline(policy);
  return deadline !== null && now < deadline;
}

/** Whole minor units, rounded down: the buyer never gets back more than they paid. */
export function refundAmount(total: number, policy: RefundPolicy): number {
  return Math.floor((total * policy.refundPercent) / 100);
}
