DROP INDEX projects_search_trgm_idx;
