-- Stock receipts still to post, oldest first.
SELECT shipment_line_id, shipment_id, org_unit, item_code, quantity, occurred_at, event_uid, attempts
FROM rts_transaction
WHERE status = 'PENDING'
ORDER BY shipment_line_id
LIMIT :limit
