-- Requisition fetch: the still-NEW requisition from DHIS2 of a facility's store for a day, for events without an
-- order reference.
SELECT id
FROM requisition
WHERE source = 'DHIS2' AND status = 'NEW' AND customer_store_id = :customerStoreId AND order_reference IS NULL
  AND requested_on = :requestedOn
ORDER BY id
