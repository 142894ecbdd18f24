-- An operator asks for a dead letter to be sent again; only replayable ones are marked.
UPDATE dead_letter
   SET status = 'REPLAY', updated_at = :now
 WHERE id = :id
   AND status IN ('NEW', 'REPLAY')
   AND endpoint_uri IS NOT NULL
