-- F1: the outcome of checking one LMIS store against the org-unit replica.
INSERT INTO store_org_unit (store_id, store_code, match_by, reference, org_unit_uid, status, reason,
                            suggested_supplier_id, checked_at)
VALUES (:storeId, :storeCode, :matchBy, :reference, :orgUnitUid, :status, :reason, :suggestedSupplierId, :now)
