-- Best-available requests safe to retry (issue 15): the key of the reservation.holdBestAvailable
-- call that chose a held seat, and each key claimed once per buyer in the transaction that holds
-- its seats, so the same call again (a retry, on any instance) holds nothing more.
ALTER TABLE "seat_holds" ADD COLUMN     "request_key" TEXT;

-- CreateTable
CREATE TABLE "hold_requests" (
    "user_id" UUID NOT NULL,
    "request_key" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hold_requests_pkey" PRIMARY KEY ("user_id","request_key")
);

-- CreateIndex
CREATE INDEX "hold_requests_created_at_idx" ON "hold_requests"("created_at");

-- CreateIndex
CREATE INDEX "hold_requests_event_id_idx" ON "hold_requests"("event_id");

-- AddForeignKey
ALTER TABLE "hold_requests" ADD CONSTRAINT "hold_requests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hold_requests" ADD CONSTRAINT "hold_requests_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
