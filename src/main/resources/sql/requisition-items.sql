-- Requisition fetch: the active LMIS items with every column the DHIS2 item code may be matched against
-- (requisitions.item-reference chooses one).
SELECT id, code, universal_code, hmis_code, custom_field_1, custom_field_2, custom_field_3
FROM item
WHERE active = TRUE
