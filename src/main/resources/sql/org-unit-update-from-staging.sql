-- F1: bring every replicated org unit that DHIS2 still has up to date; closed units become CLOSED, and a unit that
-- comes back (or reopens) becomes ACTIVE again.
UPDATE org_unit
   SET code         = (SELECT s.code FROM org_unit_staging s WHERE s.uid = org_unit.uid),
       name         = (SELECT s.name FROM org_unit_staging s WHERE s.uid = org_unit.uid),
       level        = (SELECT s.level FROM org_unit_staging s WHERE s.uid = org_unit.uid),
       path         = (SELECT s.path FROM org_unit_staging s WHERE s.uid = org_unit.uid),
       parent_uid   = (SELECT s.parent_uid FROM org_unit_staging s WHERE s.uid = org_unit.uid),
       opening_date = (SELECT s.opening_date FROM org_unit_staging s WHERE s.uid = org_unit.uid),
       closed_date  = (SELECT s.closed_date FROM org_unit_staging s WHERE s.uid = org_unit.uid),
       last_updated = (SELECT s.last_updated FROM org_unit_staging s WHERE s.uid = org_unit.uid),
       status       = (SELECT CASE WHEN s.closed_date IS NULL THEN 'ACTIVE' ELSE 'CLOSED' END
                         FROM org_unit_staging s WHERE s.uid = org_unit.uid),
       synced_at    = :now
 WHERE EXISTS (SELECT 1 FROM org_unit_staging s WHERE s.uid = org_unit.uid)
