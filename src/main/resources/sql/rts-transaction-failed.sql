-- DHIS2 rejected a stock receipt: one more attempt counted; DEAD once the attempt limit is reached.
UPDATE rts_transaction SET attempts = attempts + 1, last_error = :reason,
                           status = CASE WHEN attempts + 1 >= :maxAttempts THEN 'DEAD' ELSE 'PENDING' END
WHERE shipment_line_id = :lineId
