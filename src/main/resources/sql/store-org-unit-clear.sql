-- F1: the store check is redone in full on every successful sync.
DELETE FROM store_org_unit
