-- F1: the supplying stores an integrator set explicitly per org unit.
SELECT org_unit_uid, supplying_store_id FROM org_unit_supplier
