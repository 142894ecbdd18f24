-- F1: the LMIS stores, with the org unit references they carry.
SELECT id, code, name, supplying_store_id, is_central, org_unit_code, org_unit_uid
  FROM store
 ORDER BY id
