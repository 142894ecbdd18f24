-- The quantity a facility confirmed for one shipment line, and the discrepancy (received - sent).
UPDATE shipment_line SET quantity_received = :quantityReceived, discrepancy = :discrepancy WHERE id = :lineId
