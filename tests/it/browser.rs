//! Browser tests (placeholder until the pages land).
