//! On-disk format fixtures.
