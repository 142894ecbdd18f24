-- F1: one org unit of a fetched page, kept aside until every page has arrived.
INSERT INTO org_unit_staging (uid, code, name, level, path, parent_uid, opening_date, closed_date, last_updated)
VALUES (:uid, :code, :name, :level, :path, :parentUid, :openingDate, :closedDate, :lastUpdated)
