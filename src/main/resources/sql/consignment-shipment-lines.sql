-- The lines of a shipment with the item code the RTS program knows the item by (item.code; adapt to e.g.
-- universal_code if that is what the RTS "Item code" attribute holds).
SELECT l.id, l.quantity_sent, i.code AS item_code
FROM shipment_line l
JOIN item i ON i.id = l.item_id
WHERE l.shipment_id = :shipmentId
ORDER BY l.id
