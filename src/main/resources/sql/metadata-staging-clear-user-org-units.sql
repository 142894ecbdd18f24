-- F1: empty the user / org unit staging table at the start of a sync run.
DELETE FROM dhis2_user_org_unit_staging
