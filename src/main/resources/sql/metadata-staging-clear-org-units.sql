-- F1: empty the org-unit staging table at the start of a sync run.
DELETE FROM org_unit_staging
