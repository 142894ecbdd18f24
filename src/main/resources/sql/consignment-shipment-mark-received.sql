-- Closes a shipment; only a shipment still SHIPPED, so a receipt is applied once.
UPDATE shipment SET status = 'RECEIVED', received_at = :receivedAt, received_by_org_unit = :orgUnit
WHERE id = :shipmentId AND status = 'SHIPPED'
