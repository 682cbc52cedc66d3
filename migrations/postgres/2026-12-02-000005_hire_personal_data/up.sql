-- The name and home settlement as an employer recorded them belong to that employer's hire
-- (issue 12, finding 1): one national row per IIN kept only what the IIN itself says, and a
-- later hire by another employer rewrote what every other scope saw.
ALTER TABLE jobs ADD COLUMN worker_name TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN worker_settlement TEXT NOT NULL DEFAULT '';
UPDATE jobs SET
    worker_name = (SELECT w.full_name FROM workers w WHERE w.id = jobs.worker_id),
    worker_settlement = (SELECT w.home_settlement FROM workers w WHERE w.id = jobs.worker_id);
ALTER TABLE workers DROP COLUMN full_name;
ALTER TABLE workers DROP COLUMN home_settlement;
-- Refused rule-4 attempts are counted per user and hour (the probe limit).
CREATE INDEX audit_events_action_actor_idx ON audit_events (action, actor_user_id, occurred_at);
