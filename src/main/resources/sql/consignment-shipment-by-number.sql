-- A shipment for its packing list: header, stores.
SELECT s.id, s.consignment_number, s.status, s.shipped_at, s.received_at,
       f.code AS from_store_code, f.name AS from_store_name, t.code AS to_store_code, t.name AS to_store_name
FROM shipment s
JOIN store f ON f.id = s.from_store_id
JOIN store t ON t.id = s.to_store_id
WHERE s.consignment_number = :consignmentNumber
