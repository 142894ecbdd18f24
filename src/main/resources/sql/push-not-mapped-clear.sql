-- not_mapped is refreshed on every push run.
DELETE FROM not_mapped
