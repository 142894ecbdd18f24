-- Items and stores that will not reach DHIS2, and why.
SELECT kind, ref, reason, seen_at
  FROM not_mapped
 ORDER BY kind, ref
 LIMIT :limit
