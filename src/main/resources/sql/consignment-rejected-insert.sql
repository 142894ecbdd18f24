-- A receipt event set aside, with the reason, for an operator.
INSERT INTO rejected_input (flow, source_ref, reason, payload, created_at)
VALUES (:flow, :sourceRef, :reason, :payload, :now)
