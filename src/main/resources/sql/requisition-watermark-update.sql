-- Requisition fetch: the watermark moves forward, in the transaction of the page that was imported.
UPDATE watermark SET value = :value, updated_at = CURRENT_TIMESTAMP WHERE name = 'requisition-fetch'
