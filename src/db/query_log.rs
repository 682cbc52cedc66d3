//! The statements a pool's connections run, recorded only while a test asks for them: to
//! count the queries a page makes (no N+1) and to EXPLAIN each one. Off, it costs one
//! uncontended lock per statement.

use std::sync::{Arc, Mutex};

use diesel::connection::{Instrumentation, InstrumentationEvent};

#[derive(Debug, Clone, Default)]
pub struct QueryLog(Arc<Mutex<Option<Vec<String>>>>);

impl QueryLog {
    /// Starts recording (forgetting anything recorded before).
    pub fn start(&self) {
        if let Ok(mut log) = self.0.lock() {
            *log = Some(Vec::new());
        }
    }

    /// Stops recording and returns the statements, in the order they ran.
    pub fn stop(&self) -> Vec<String> {
        self.0
            .lock()
            .ok()
            .and_then(|mut log| log.take())
            .unwrap_or_default()
    }

    /// The instrumentation to install on each connection of the pool.
    pub fn instrumentation(&self) -> impl Instrumentation {
        let log = self.clone();
        move |event: InstrumentationEvent<'_>| {
            if let InstrumentationEvent::StartQuery { query, .. } = event
                && let Ok(mut guard) = log.0.lock()
                && let Some(queries) = guard.as_mut()
            {
                // Debug output is "SQL -- binds: [...]"; the SQL alone is what gets explained.
                let text = query.to_string();
                let sql = text.split(" -- binds:").next().unwrap_or_default().trim();
                if sql != "SELECT 1" && !sql.is_empty() {
                    queries.push(sql.to_owned());
                }
            }
        }
    }
}
