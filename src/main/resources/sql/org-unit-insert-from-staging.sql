-- F1: add the org units DHIS2 has and the replica does not.
INSERT INTO org_unit (uid, code, name, level, path, parent_uid, opening_date, closed_date, last_updated, status, synced_at)
SELECT s.uid, s.code, s.name, s.level, s.path, s.parent_uid, s.opening_date, s.closed_date, s.last_updated,
       CASE WHEN s.closed_date IS NULL THEN 'ACTIVE' ELSE 'CLOSED' END, :now
  FROM org_unit_staging s
 WHERE NOT EXISTS (SELECT 1 FROM org_unit o WHERE o.uid = s.uid)
