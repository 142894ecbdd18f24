-- F1: the org unit assignments of the users fetched in this run.
INSERT INTO dhis2_user_org_unit (user_uid, org_unit_uid)
SELECT s.user_uid, s.org_unit_uid FROM dhis2_user_org_unit_staging s
