-- F1 (metadata.create-stores=true only): a new LMIS store for a facility org unit that has none.
INSERT INTO store (code, name, supplying_store_id, is_central, org_unit_code, org_unit_uid, active)
VALUES (:code, :name, :supplierId, FALSE, :orgUnitCode, :orgUnitUid, TRUE)
