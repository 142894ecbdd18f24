-- F1: how many users this run has staged (checked against DHIS2's pager total before applying).
SELECT COUNT(*) AS n FROM dhis2_user_staging
