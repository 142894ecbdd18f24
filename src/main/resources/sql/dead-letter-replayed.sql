-- The replay went through.
UPDATE dead_letter SET status = 'REPLAYED', updated_at = :now WHERE id = :id
