-- F1: one org unit a fetched DHIS2 user is assigned to.
INSERT INTO dhis2_user_org_unit_staging (user_uid, org_unit_uid) VALUES (:userUid, :orgUnitUid)
