-- DHIS2 accepted a stock receipt (POSTED, or DRY_RUN when only validated).
UPDATE rts_transaction SET status = :status, previous_balance = :previousBalance, stock_on_hand = :stockOnHand,
                           attempts = attempts + 1, last_error = NULL, posted_at = :now
WHERE shipment_line_id = :lineId
