-- Records one operator action and how it ended.
INSERT INTO operator_action (username, action, parameters, acted_at, outcome, detail)
VALUES (:username, :action, :parameters, :now, :outcome, :detail)
