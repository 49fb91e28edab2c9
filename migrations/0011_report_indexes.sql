-- What the dispute report groups its events by (category, source, channel), by case id: the
-- period's flows read it for every event they count, from this small index instead of the
-- cases' wide rows (half the pages for a month's events).
CREATE INDEX disputes_kind ON disputes(id, category, source, channel) WHERE deleted_at IS NULL;

-- The document's count of concerns referred to a higher level in the period: only the referred
-- ones, by the day raised, instead of every concern of the period read from the table.
CREATE INDEX concerns_referred ON concerns(raised_on) WHERE deleted_at IS NULL AND referred_to <> '';
