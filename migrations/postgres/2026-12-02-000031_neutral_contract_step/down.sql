-- The removed numbers are not restored: they remain in each contract's audit event.
SELECT 1;
