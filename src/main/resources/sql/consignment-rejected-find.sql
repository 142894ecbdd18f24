-- Whether a receipt event was already set aside (a refetch must not record it twice).
SELECT id FROM rejected_input WHERE flow = :flow AND source_ref = :sourceRef AND status = 'NEW'
