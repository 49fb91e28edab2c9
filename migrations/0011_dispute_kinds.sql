-- What the dispute report groups its events by (category, source, channel), by case id: the
-- period's flows read it for every event they count, from this small index instead of the
-- cases' wide rows (half the pages for a month's events).
CREATE INDEX disputes_kind ON disputes(id, category, source, channel) WHERE deleted_at IS NULL;
