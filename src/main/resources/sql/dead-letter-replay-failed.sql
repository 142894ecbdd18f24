-- The replay failed again: back to NEW with the new reason, its attempts added to the earlier ones.
UPDATE dead_letter
   SET status = 'NEW', reason = :reason, attempts = attempts + :attempts, updated_at = :now
 WHERE id = :id
