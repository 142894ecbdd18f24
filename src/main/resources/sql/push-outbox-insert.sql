-- Stages a data value that is not in the outbox yet, as PENDING.
INSERT INTO datavalue_outbox (data_element, period, org_unit, category_option_combo, attribute_option_combo, value,
                              status, attempts, created_at, updated_at)
SELECT :dataElement, :period, :orgUnit, :categoryOptionCombo, :attributeOptionCombo, :value, 'PENDING', 0, :now, :now
WHERE NOT EXISTS (SELECT 1 FROM datavalue_outbox
                  WHERE data_element = :dataElement AND period = :period AND org_unit = :orgUnit
                    AND category_option_combo = :categoryOptionCombo
                    AND attribute_option_combo = :attributeOptionCombo)
