-- F1: the org-unit replica, as the store check reads it.
SELECT uid, code, name, level, path, parent_uid, status
  FROM org_unit
