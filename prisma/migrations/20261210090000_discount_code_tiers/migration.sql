-- A discount code restricted to tickets at some of its event's tiers' own prices (issue 15): "General"
-- in a talk is its tier's price, not a ticket type. Empty with ticket_type_ids: every ticket.
ALTER TABLE "discount_codes" ADD COLUMN     "tier_ids" UUID[] DEFAULT ARRAY[]::UUID[];
