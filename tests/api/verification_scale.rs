//! Loading a national-size contributions register (issue 15), for BENCHMARKS.md: run by hand
//! against a seeded database (`jobmap seed`), e.g.
//! `JOBMAP_BENCH_DATABASE_URL=sqlite:///tmp/seed.db cargo test --test api verification_scale -- --ignored --nocapture`.
//! It writes a CSV with one contribution per active hire and month (about 1,000,000 lines at
//! national scale), loads it as the registers page does, and prints the time, the rows, the
//! hires checked again and the process's peak memory.

use std::io::Write;
use std::time::Instant;

use diesel::prelude::*;
use diesel::sql_types::Text;
use jobmap::domain::role::{Role, Scope};
use jobmap::domain::verification::Kind;
use jobmap::usecase::acting::{Acting, ActingKind};
use jobmap::usecase::registers::{BatchHeader, load};

#[derive(QueryableByName)]
struct Person {
    #[diesel(sql_type = Text)]
    iin: String,
    #[diesel(sql_type = Text)]
    bin: String,
}

fn peak_kib() -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: ?")
        .to_owned()
}

#[test]
#[ignore = "a benchmark: needs JOBMAP_BENCH_DATABASE_URL"]
fn verification_scale_load_contributions() {
    let Ok(url) = std::env::var("JOBMAP_BENCH_DATABASE_URL") else {
        return;
    };
    let db = jobmap::db::Db::open(&url, 2).expect("database");
    let mut conn = db.conn().expect("connection");
    let people: Vec<Person> = diesel::sql_query(
        "SELECT w.iin, c.contractor_bin AS bin FROM jobs j JOIN workers w ON w.id = j.worker_id \
         JOIN contracts c ON c.id = j.contract_id WHERE j.end_date IS NULL",
    )
    .load(&mut conn)
    .expect("hires");
    let months = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"];
    let file = tempfile::NamedTempFile::new().expect("temp file");
    {
        let mut w = std::io::BufWriter::new(file.as_file());
        writeln!(w, "month,employer_bin,iin,amount_tenge").unwrap();
        for m in months {
            for p in &people {
                writeln!(w, "{m},{},{},8500", p.bin, p.iin).unwrap();
            }
        }
    }
    let lines = people.len() * months.len();
    drop(people);
    println!("{lines} lines written; before loading {}", peak_kib());
    let (id, login): (String, String) = jobmap::db::schema::users::table
        .filter(jobmap::db::schema::users::role.eq("admin"))
        .select((
            jobmap::db::schema::users::id,
            jobmap::db::schema::users::login,
        ))
        .first(&mut conn)
        .expect("an admin");
    let by = Acting {
        id,
        login,
        role: Role::Admin,
        scope: Scope::National,
        kind: ActingKind::User,
    };
    let header = BatchHeader {
        kind: Kind::Contributions,
        region: String::new(),
        from: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2025, 5, 31).unwrap(),
        source: "benchmark".into(),
    };
    let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 15).unwrap();
    let started = Instant::now();
    let rows = jobmap::web::register_csv::open(file.path(), Kind::Contributions).expect("file");
    let summary = load(&mut conn, &by, &header, rows, today).expect("loaded");
    println!(
        "loaded {} rows, {} hires checked again, in {:.1} s (rows {:.1} s, checks {:.1} s); {}",
        summary.rows,
        summary.rechecked.hires,
        started.elapsed().as_secs_f64(),
        summary.written_in.as_secs_f64(),
        summary.checked_in.as_secs_f64(),
        peak_kib()
    );
}
