/*!
The schema and its migrations: `PRAGMA user_version` holds the version, and
each migration under `migrations/` moves the database one version up inside a
transaction. A database from a newer sitrep is refused rather than guessed at.
*/

use rusqlite::Connection;

use crate::{Error, Result};

/// The migrations, in order: migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_place_inferred.sql"),
];

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The schema version of a database (0 for a new one).
pub fn version(conn: &Connection) -> Result<u32> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Brings a database to [`SCHEMA_VERSION`].
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found = version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::Schema(format!(
            "the database has schema version {found}, newer than this sitrep's {SCHEMA_VERSION}"
        )));
    }
    for (idx, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let transaction = conn.transaction()?;
        transaction
            .execute_batch(sql)
            .map_err(|err| Error::Schema(format!("migration to version {}: {err}", idx + 1)))?;
        transaction.pragma_update(None, "user_version", idx as i64 + 1)?;
        transaction.commit()?;
    }
    Ok(())
}
