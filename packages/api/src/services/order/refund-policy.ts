// An event's refund policy: until when a buyer may cancel (the amount: payments/refund-order.ts).
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
