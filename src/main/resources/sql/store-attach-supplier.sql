-- F1: attach a store that has no supplying store yet (and is not the central store) to the one DHIS2's hierarchy
-- gives it. A supplier already set in the LMIS is never changed here.
UPDATE store
   SET supplying_store_id = :supplierId
 WHERE id = :storeId
   AND supplying_store_id IS NULL
   AND is_central = FALSE
