// Diesel's view of migrations/*/2026-11-28-000001_schema. Both migration trees create exactly
// these tables; tests/api/schema_parity.rs keeps them honest.

diesel::table! {
    regions (code) {
        code -> Text,
        iso_3166_2 -> Text,
        name_en -> Text,
        name_ru -> Text,
        name_kk -> Text,
        kind -> Text,
        active_from -> Nullable<Date>,
        active_to -> Nullable<Date>,
        split_from -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    parameters (id) {
        id -> Text,
        code -> Text,
        valid_from -> Date,
        value -> BigInt,
        note -> Text,
        version -> Integer,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        login -> Text,
        full_name -> Text,
        password_hash -> Text,
        role -> Text,
        region_code -> Nullable<Text>,
        contractor_bin -> Nullable<Text>,
        language -> Text,
        active -> Bool,
        failed_logins -> Integer,
        locked_until -> Nullable<Timestamp>,
        password_changed_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Nullable<Text>,
        state -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    projects (id) {
        id -> Text,
        code -> Text,
        title -> Text,
        region_code -> Text,
        district -> Text,
        settlement -> Text,
        latitude_e6 -> Nullable<Integer>,
        longitude_e6 -> Nullable<Integer>,
        direction -> Text,
        work_type -> Text,
        funding_source -> Text,
        budget_tenge -> BigInt,
        planned_jobs -> Integer,
        planned_center_hires -> Integer,
        planned_permanent_jobs -> Integer,
        planned_start -> Date,
        planned_end -> Date,
        status -> Text,
        decision_number -> Nullable<Text>,
        decision_date -> Nullable<Date>,
        approved_limit_tenge -> Nullable<BigInt>,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        search_text -> Text,
        jobs_created -> Integer,
        center_hires -> Integer,
        declared_total -> BigInt,
        declared_domestic -> BigInt,
    }
}

diesel::table! {
    project_status_changes (id) {
        id -> Text,
        project_id -> Text,
        from_status -> Nullable<Text>,
        to_status -> Text,
        changed_by -> Text,
        changed_at -> Timestamp,
        comment -> Text,
    }
}

diesel::table! {
    contracts (id) {
        id -> Text,
        project_id -> Text,
        contractor_bin -> Text,
        contractor_name -> Text,
        number -> Text,
        signed_on -> Date,
        amount_tenge -> BigInt,
        goods_tenge -> BigInt,
        goods_domestic_tenge -> BigInt,
        works_tenge -> BigInt,
        works_domestic_tenge -> BigInt,
        services_tenge -> BigInt,
        services_domestic_tenge -> BigInt,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        center_hires -> Integer,
        direct_hires -> Integer,
        ledger_total -> BigInt,
        ledger_domestic -> BigInt,
    }
}

diesel::table! {
    procurement_lines (id) {
        id -> Text,
        contract_id -> Text,
        category -> Text,
        description -> Text,
        amount_tenge -> BigInt,
        is_domestic -> Bool,
        producer_bin -> Nullable<Text>,
        ct_kz_certificate -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    workers (id) {
        id -> Text,
        iin -> Text,
        birth_date -> Date,
        sex -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    jobs (id) {
        id -> Text,
        contract_id -> Text,
        worker_id -> Text,
        position -> Text,
        hire_date -> Date,
        end_date -> Nullable<Date>,
        kind -> Text,
        channel -> Text,
        referral_number -> Nullable<Text>,
        referral_date -> Nullable<Date>,
        arrived_from_other_settlement -> Bool,
        monthly_wage_tenge -> BigInt,
        is_youth -> Bool,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        worker_name -> Text,
        worker_settlement -> Text,
    }
}

diesel::table! {
    lifting_payments (id) {
        id -> Text,
        job_id -> Text,
        amount_tenge -> BigInt,
        paid_on -> Date,
        recorded_by -> Text,
        created_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    monthly_plans (id) {
        id -> Text,
        region_code -> Text,
        month -> Date,
        planned_jobs -> Integer,
        planned_center_hires -> Integer,
        updated_by -> Text,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    region_rank_history (month, region_code) {
        month -> Date,
        region_code -> Text,
        rank -> Integer,
        planned_jobs -> Integer,
        jobs_created -> Integer,
        plan_share_bp -> Integer,
        computed_at -> Timestamp,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Text,
        occurred_at -> Timestamp,
        actor_user_id -> Nullable<Text>,
        actor_login -> Text,
        action -> Text,
        entity -> Text,
        entity_id -> Text,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
        ip -> Nullable<Text>,
        actor_account_id -> Nullable<Text>,
    }
}

diesel::joinable!(users -> regions (region_code));
diesel::joinable!(projects -> regions (region_code));
diesel::joinable!(project_status_changes -> projects (project_id));
diesel::joinable!(contracts -> projects (project_id));
diesel::joinable!(procurement_lines -> contracts (contract_id));
diesel::joinable!(jobs -> contracts (contract_id));
diesel::joinable!(jobs -> workers (worker_id));
diesel::joinable!(lifting_payments -> jobs (job_id));
diesel::joinable!(monthly_plans -> regions (region_code));
diesel::joinable!(region_rank_history -> regions (region_code));
diesel::joinable!(sessions -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    regions,
    parameters,
    users,
    sessions,
    projects,
    project_status_changes,
    contracts,
    procurement_lines,
    workers,
    jobs,
    lifting_payments,
    monthly_plans,
    region_rank_history,
    audit_events,
);

// migrations/*/2026-12-02-210001_service_accounts
diesel::table! {
    service_accounts (id) {
        id -> Text,
        name -> Text,
        description -> Text,
        role -> Text,
        region_code -> Nullable<Text>,
        contractor_bin -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Text,
        account_id -> Text,
        token_hash -> Text,
        prefix -> Text,
        label -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(api_tokens -> service_accounts (account_id));
diesel::allow_tables_to_appear_in_same_query!(service_accounts, api_tokens);

// migrations/*/2026-12-02-220001_idempotency_keys (no foreign key: the account may be a user
// or a service account).
diesel::table! {
    idempotency_keys (account_id, idem_key) {
        account_id -> Text,
        idem_key -> Text,
        method -> Text,
        path -> Text,
        body_sha256 -> Text,
        status -> Integer,
        content_type -> Text,
        headers_json -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

// migrations/*/2026-12-03-310002_session_signals (written by triggers only; see
// `db::session_signals`). SQLite's project search index (2026-12-03-310001_project_trigram,
// an FTS5 table) is read through SQL of its own in `db::project_list`.
diesel::table! {
    session_signals (generation) {
        generation -> Integer,
        session_id -> Nullable<Text>,
        user_id -> Nullable<Text>,
        signalled_at -> Timestamp,
    }
}

// migrations/*/2026-12-03-300001_registers (verification, issue 15).
diesel::table! {
    register_batches (id) {
        id -> Text,
        kind -> Text,
        region_code -> Text,
        period_from -> Date,
        period_to -> Date,
        source -> Text,
        row_count -> BigInt,
        loaded_by -> Text,
        loaded_by_user_id -> Nullable<Text>,
        loaded_by_account_id -> Nullable<Text>,
        loaded_at -> Timestamp,
        superseded_by -> Nullable<Text>,
    }
}
diesel::table! {
    register_referrals (batch_id, line) {
        batch_id -> Text,
        line -> BigInt,
        number -> Text,
        issued_on -> Date,
        iin -> Text,
        region_code -> Text,
        district -> Text,
        valid_until -> Date,
        employer_bin -> Nullable<Text>,
    }
}
diesel::table! {
    register_employment_contracts (batch_id, line) {
        batch_id -> Text,
        line -> BigInt,
        employer_bin -> Text,
        iin -> Text,
        contract_number -> Text,
        start_date -> Date,
        end_date -> Nullable<Date>,
        position -> Text,
    }
}
diesel::table! {
    register_contributions (batch_id, line) {
        batch_id -> Text,
        line -> BigInt,
        month -> Date,
        employer_bin -> Text,
        iin -> Text,
        amount_tenge -> BigInt,
    }
}
diesel::table! {
    register_certificates (batch_id, line) {
        batch_id -> Text,
        line -> BigInt,
        number -> Text,
        producer_bin -> Text,
        product -> Text,
        issued_on -> Date,
        expires_on -> Date,
    }
}
diesel::table! {
    hire_verifications (job_id) {
        job_id -> Text,
        contract_id -> Text,
        region_code -> Text,
        referral -> Text,
        referral_reason -> Text,
        employment -> Text,
        contributions -> Text,
        missing_months -> Text,
        checked_at -> Timestamp,
    }
}
diesel::table! {
    line_verifications (line_id) {
        line_id -> Text,
        contract_id -> Text,
        region_code -> Text,
        certificate -> Text,
        reason -> Text,
        failed_tenge -> BigInt,
        verified_domestic_tenge -> BigInt,
        checked_at -> Timestamp,
    }
}
diesel::table! {
    region_verification_settings (region_code) {
        region_code -> Text,
        referral_mandatory -> Bool,
        updated_by -> Text,
        updated_at -> Timestamp,
    }
}
diesel::joinable!(register_referrals -> register_batches (batch_id));
diesel::joinable!(register_employment_contracts -> register_batches (batch_id));
diesel::joinable!(register_contributions -> register_batches (batch_id));
diesel::joinable!(register_certificates -> register_batches (batch_id));
diesel::joinable!(hire_verifications -> jobs (job_id));
diesel::joinable!(line_verifications -> procurement_lines (line_id));
diesel::allow_tables_to_appear_in_same_query!(
    register_batches,
    register_referrals,
    register_employment_contracts,
    register_contributions,
    register_certificates,
);
diesel::allow_tables_to_appear_in_same_query!(hire_verifications, jobs);
diesel::allow_tables_to_appear_in_same_query!(hire_verifications, contracts);
diesel::allow_tables_to_appear_in_same_query!(hire_verifications, projects);
diesel::allow_tables_to_appear_in_same_query!(hire_verifications, workers);
diesel::allow_tables_to_appear_in_same_query!(line_verifications, procurement_lines);
diesel::allow_tables_to_appear_in_same_query!(line_verifications, contracts);
diesel::allow_tables_to_appear_in_same_query!(line_verifications, projects);
