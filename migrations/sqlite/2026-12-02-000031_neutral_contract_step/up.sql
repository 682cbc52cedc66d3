-- The automatic step to "contracted" used to carry the first contract's number as its comment,
-- and every contractor on the project reads the status history. The number stays in the
-- contract's own audit event; the history now shows a neutral note for this step.
UPDATE project_status_changes SET comment = ''
WHERE to_status = 'contracted' AND from_status IN ('approved', 'tendering');
