-- The payment ledger (issue 11): intents recorded before a provider is called, orders that wait
-- for a gateway's confirmation, holds that belong to an order while its payment is in flight, and
-- the demo provider's own books. See docs/payments.md.

-- CreateEnum
CREATE TYPE "PaymentAttemptStatus" AS ENUM ('REQUESTED', 'SUCCEEDED', 'FAILED');
-- CreateEnum
CREATE TYPE "DemoPaymentStatus" AS ENUM ('OPEN', 'PAID', 'DECLINED', 'EXPIRED');
-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'EXPIRED';
-- AlterTable
ALTER TABLE "seat_holds" ADD COLUMN     "order_id" UUID;
-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "payment_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "request_hash" TEXT NOT NULL DEFAULT '';
-- CreateTable
CREATE TABLE "payment_attempts" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "kind" "PaymentKind" NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "status" "PaymentAttemptStatus" NOT NULL DEFAULT 'REQUESTED',
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_reference" TEXT,
    "redirect_url" TEXT,
    "reported_amount" INTEGER,
    "tries" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "payment_attempts_pkey" PRIMARY KEY ("id")
);
-- CreateTable
CREATE TABLE "demo_payments" (
    "reference" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "order_id" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "description" TEXT NOT NULL,
    "return_url" TEXT NOT NULL,
    "status" "DemoPaymentStatus" NOT NULL DEFAULT 'OPEN',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paid_at" TIMESTAMPTZ(3),
    "refunded" INTEGER NOT NULL DEFAULT 0,
    "refund_key" TEXT,
    CONSTRAINT "demo_payments_pkey" PRIMARY KEY ("reference")
);
-- CreateIndex
CREATE UNIQUE INDEX "payment_attempts_idempotency_key_key" ON "payment_attempts"("idempotency_key");
-- CreateIndex
CREATE INDEX "payment_attempts_order_id_idx" ON "payment_attempts"("order_id");
-- CreateIndex
CREATE INDEX "payment_attempts_provider_reference_idx" ON "payment_attempts"("provider_reference");
-- CreateIndex
CREATE INDEX "payment_attempts_kind_status_idx" ON "payment_attempts"("kind", "status");
-- CreateIndex
CREATE UNIQUE INDEX "demo_payments_idempotency_key_key" ON "demo_payments"("idempotency_key");
-- CreateIndex
CREATE INDEX "seat_holds_order_id_idx" ON "seat_holds"("order_id");
-- CreateIndex
CREATE INDEX "orders_status_payment_due_at_idx" ON "orders"("status", "payment_due_at");
-- AddForeignKey
ALTER TABLE "seat_holds" ADD CONSTRAINT "seat_holds_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------
-- Hand-written: invariants Prisma's schema language cannot express.
-- ---------------------------------------------------------------------------------------

ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_amount_non_negative"
  CHECK ("amount" >= 0 AND ("reported_amount" IS NULL OR "reported_amount" >= 0));
ALTER TABLE "demo_payments" ADD CONSTRAINT "demo_payments_amounts_valid"
  CHECK ("amount" >= 0 AND "refunded" >= 0 AND "refunded" <= "amount");

-- Refunds never exceed what was charged: a REFUND payment may not take the order's refunds past
-- its CHARGE. (Concurrent inserts for one order run in SERIALIZABLE transactions, which see
-- each other's rows or abort; one REFUND per order is also a unique index.)
CREATE FUNCTION "payments_refund_within_charge"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" = 'REFUND' AND NEW."amount" > (
       SELECT COALESCE(SUM(CASE WHEN "kind" = 'CHARGE' THEN "amount" ELSE -"amount" END), 0)
       FROM "payments" WHERE "order_id" = NEW."order_id") THEN
    RAISE EXCEPTION 'refund of % exceeds what is left of the charge of order %', NEW."amount", NEW."order_id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "payments_refund_within_charge" BEFORE INSERT ON "payments"
  FOR EACH ROW EXECUTE FUNCTION "payments_refund_within_charge"();
