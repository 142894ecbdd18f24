-- The stock indicators of every store and item for one period (yyyyMMdd or yyyyMM), with the store's org unit
-- and the item's DHIS2 reference columns. indicator_value is NULL when the indicator has no defined value.
SELECT s.id AS store_id, s.code AS store_code, s.org_unit_code, s.org_unit_uid,
       i.id AS item_id, i.code AS item_code, i.code, i.universal_code, i.hmis_code,
       i.custom_field_1, i.custom_field_2, i.custom_field_3, i.include_in_dhis2,
       si.indicator, si.indicator_value
FROM stock_indicator si
JOIN store s ON s.id = si.store_id
JOIN item i ON i.id = si.item_id
WHERE si.period = :period
ORDER BY s.id, i.id, si.indicator
