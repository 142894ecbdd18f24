-- F1: empty the user staging table at the start of a sync run.
DELETE FROM dhis2_user_staging
