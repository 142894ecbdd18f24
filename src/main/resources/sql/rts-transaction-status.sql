-- The status of one stock receipt after a failure (to see whether it was given up).
SELECT status, attempts FROM rts_transaction WHERE shipment_line_id = :lineId
