DROP INDEX check_runs_checked_at_idx;
DROP TABLE check_runs;
