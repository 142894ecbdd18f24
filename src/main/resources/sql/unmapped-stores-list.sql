-- F1: GET /api/metadata/unmapped-stores, the stores that cannot reach DHIS2 and why.
SELECT store_id, store_code, match_by, reference, org_unit_uid, status, reason, checked_at
  FROM unmapped_store
 ORDER BY store_code
