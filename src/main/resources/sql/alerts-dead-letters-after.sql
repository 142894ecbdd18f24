-- Dead letters created after the last digest (id above the last one reported), oldest first.
SELECT id, route_id, reason, created_at
  FROM dead_letter
 WHERE id > :afterId
 ORDER BY id
 LIMIT :limit
