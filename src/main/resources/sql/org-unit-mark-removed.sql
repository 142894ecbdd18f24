-- F1: org units DHIS2 no longer has are marked REMOVED, never deleted.
UPDATE org_unit
   SET status = 'REMOVED', synced_at = :now
 WHERE status <> 'REMOVED'
   AND NOT EXISTS (SELECT 1 FROM org_unit_staging s WHERE s.uid = org_unit.uid)
