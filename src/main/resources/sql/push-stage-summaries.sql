-- The daily summary figures of every store and item over a range of days (one day for a "current day" basis,
-- a whole month for "previous month"), with the store's org unit and the item's DHIS2 reference columns.
-- Movements are summed over the range; opening is the first day's, closing the last day's, discrepancy the last
-- day's. Items and stores that cannot be mapped are read too, so they can be listed as not mapped.
SELECT s.id AS store_id, s.code AS store_code, s.org_unit_code, s.org_unit_uid,
       i.id AS item_id, i.code AS item_code, i.code, i.universal_code, i.hmis_code,
       i.custom_field_1, i.custom_field_2, i.custom_field_3, i.include_in_dhis2,
       f.opening_balance, m.arrivals, m.returns_in, m.returns_out, m.distributions_out, m.dispensing, m.wastage,
       l.discrepancy, l.closing_balance
FROM (SELECT store_id, item_id, MIN(summary_date) AS first_day, MAX(summary_date) AS last_day,
             SUM(arrivals) AS arrivals, SUM(returns_in) AS returns_in, SUM(returns_out) AS returns_out,
             SUM(distributions_out) AS distributions_out, SUM(dispensing) AS dispensing, SUM(wastage) AS wastage
      FROM daily_summary
      WHERE summary_date BETWEEN :firstDay AND :lastDay
      GROUP BY store_id, item_id) m
JOIN daily_summary f ON f.store_id = m.store_id AND f.item_id = m.item_id AND f.summary_date = m.first_day
JOIN daily_summary l ON l.store_id = m.store_id AND l.item_id = m.item_id AND l.summary_date = m.last_day
JOIN store s ON s.id = m.store_id
JOIN item i ON i.id = m.item_id
ORDER BY s.id, i.id
