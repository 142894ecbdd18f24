-- The lines of a shipment for its packing list.
SELECT i.code AS item_code, i.name AS item_name, i.unit, b.batch_number, b.expiry_date, l.quantity_sent
FROM shipment_line l
JOIN item i ON i.id = l.item_id
LEFT JOIN stock_batch b ON b.id = l.batch_id
WHERE l.shipment_id = :shipmentId
ORDER BY l.id
