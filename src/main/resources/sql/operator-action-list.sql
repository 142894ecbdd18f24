-- The latest operator actions, newest first.
SELECT id, username, action, parameters, acted_at, outcome, detail
  FROM operator_action
 ORDER BY id DESC
 LIMIT :limit
