-- The replay failed again: back to NEW with the new reason, one more attempt counted.
UPDATE dead_letter
   SET status = 'NEW', reason = :reason, attempts = attempts + 1, updated_at = :now
 WHERE id = :id
