-- What the dispute report groups its events by (category, source, channel), by case id: the
-- period's flows read it for every event they count, from this small index instead of the
-- cases' wide rows (half the pages for a month's events).
CREATE INDEX disputes_kind ON disputes(id, category, source, channel) WHERE deleted_at IS NULL;

-- The document's count of concerns referred to a higher level in the period: only the referred
-- ones, by the day raised, instead of every concern of the period read from the table.
CREATE INDEX concerns_referred ON concerns(raised_on) WHERE deleted_at IS NULL AND referred_to <> '';

-- The concerns not finished (not resolved, or resolved and the villager not told), whole and in
-- the order listed: the agenda and the documents' due items read them from this index, a few
-- thousand entries, instead of as many rows scattered over a ledger of visits (deleted_at, always
-- NULL here, makes it covering for the planner). It stays small:
-- most concerns are finished, and a finished one leaves it.
CREATE INDEX concerns_open ON concerns(raised_on, id, uid, visit_id, person_id, text, status, referred_to, due_on, resolved_on, feedback_on, note, created_at, updated_at, deleted_at)
  WHERE deleted_at IS NULL AND (status <> 'resolved' OR feedback_on IS NULL);

-- The visit listing (`fs visit list` in a table, tsv, csv, ...): every column a listing line
-- shows from visits, in the listing's order (date, then id), so that a listing is one scan of this
-- index instead of its ids from one index and then each row looked up in the table, where the
-- visits of a few weeks lie all over the file: 20,000 lines of 200,000 read in ~20 ms instead of
-- ~45, for 15 MB beside a 151 MB ledger. With the notes: without them every line still looks up
-- its row for the note, and the listing saves nothing.
CREATE INDEX visits_list ON visits(date, id, person_id, household_id, category, topics, notes) WHERE deleted_at IS NULL;
