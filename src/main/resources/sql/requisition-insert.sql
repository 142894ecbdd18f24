-- Requisition fetch: a new customer requisition in the supplying store, from the DHIS2 order program.
INSERT INTO requisition (requisition_number, supplying_store_id, customer_store_id, order_reference, source, status,
                         requested_on)
VALUES (:requisitionNumber, :supplyingStoreId, :customerStoreId, :orderReference, 'DHIS2', 'NEW', :requestedOn)
