-- A stock receipt to send to the facility's RTS program, queued with the receipt that caused it.
INSERT INTO rts_transaction (shipment_line_id, shipment_id, org_unit, item_code, quantity, occurred_at, event_uid,
                             status, attempts, created_at)
VALUES (:lineId, :shipmentId, :orgUnit, :itemCode, :quantity, :occurredAt, :eventUid, 'PENDING', 0, :now)
