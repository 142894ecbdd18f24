-- F1: forget the org unit assignments of the users fetched in this run (they are replaced just after).
DELETE FROM dhis2_user_org_unit
 WHERE user_uid IN (SELECT s.uid FROM dhis2_user_staging s)
