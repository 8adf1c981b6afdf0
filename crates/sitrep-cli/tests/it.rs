/*!
The `sitrep` binary's integration tests, one module per area.
*/

mod store;
