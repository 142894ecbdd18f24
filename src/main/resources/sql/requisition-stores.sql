-- Requisition fetch: the LMIS stores mapped to a DHIS2 org unit (by UID), with the store that supplies each.
SELECT org_unit_uid, id, code, supplying_store_id
FROM store
WHERE org_unit_uid IS NOT NULL AND active = TRUE
