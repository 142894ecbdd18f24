-- Requisition fetch: the still-NEW requisition from DHIS2 of a facility's store for an order reference, which later
-- lines of the same order join.
SELECT id
FROM requisition
WHERE source = 'DHIS2' AND status = 'NEW' AND customer_store_id = :customerStoreId AND order_reference = :orderReference
ORDER BY id
