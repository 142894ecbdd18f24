-- F1: how many org units this run has staged (checked against DHIS2's pager total before applying).
SELECT COUNT(*) AS n FROM org_unit_staging
