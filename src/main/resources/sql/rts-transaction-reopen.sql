-- An operator replays a dead stock receipt: pending again, attempts counted afresh.
UPDATE rts_transaction SET status = 'PENDING', attempts = 0 WHERE shipment_line_id = :lineId AND status = 'DEAD'
