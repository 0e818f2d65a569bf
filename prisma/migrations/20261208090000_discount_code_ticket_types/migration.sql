-- A discount code restricted to some of its event's ticket types (issue 15): empty, every ticket.
ALTER TABLE "discount_codes" ADD COLUMN     "ticket_type_ids" UUID[] DEFAULT ARRAY[]::UUID[];
