-- Rejected inputs for the console, newest first. Empty filters match everything; :pattern is a lower-case LIKE
-- pattern matched against the reason and the source reference.
SELECT id, flow, source_ref, reason, status, created_at
  FROM rejected_input
 WHERE (:status = '' OR status = :status)
   AND (:flow = '' OR flow = :flow)
   AND (:pattern = '' OR LOWER(reason) LIKE :pattern OR LOWER(source_ref) LIKE :pattern)
 ORDER BY id DESC
 LIMIT :limit
