-- The shipment a receipt names, locked for the receipt's transaction, with the DHIS2 org unit of its destination
-- store (the store's org_unit_uid, or the replicated org unit with the store's org_unit_code).
SELECT s.id, s.consignment_number, s.status, s.received_at, s.received_by_org_unit, t.code AS to_store_code,
       COALESCE(t.org_unit_uid, (SELECT o.uid FROM org_unit o WHERE o.code = t.org_unit_code)) AS to_org_unit
FROM shipment s
JOIN store t ON t.id = s.to_store_id
WHERE s.consignment_number = :consignmentNumber
FOR UPDATE
