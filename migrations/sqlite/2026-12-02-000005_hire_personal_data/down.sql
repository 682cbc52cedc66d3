DROP INDEX audit_events_action_actor_idx;
ALTER TABLE workers ADD COLUMN full_name TEXT NOT NULL DEFAULT '';
ALTER TABLE workers ADD COLUMN home_settlement TEXT NOT NULL DEFAULT '';
UPDATE workers SET
    full_name = COALESCE((SELECT j.worker_name FROM jobs j WHERE j.worker_id = workers.id
                          ORDER BY j.hire_date DESC, j.id DESC LIMIT 1), ''),
    home_settlement = COALESCE((SELECT j.worker_settlement FROM jobs j WHERE j.worker_id = workers.id
                                ORDER BY j.hire_date DESC, j.id DESC LIMIT 1), '');
ALTER TABLE jobs DROP COLUMN worker_settlement;
ALTER TABLE jobs DROP COLUMN worker_name;
