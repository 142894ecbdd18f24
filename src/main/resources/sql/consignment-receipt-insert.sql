-- Records the receipt event that closed a shipment (unique per event and per shipment).
INSERT INTO consignment_receipt (event_uid, shipment_id, org_unit, received_at, applied_at)
VALUES (:eventUid, :shipmentId, :orgUnit, :receivedAt, :now)
