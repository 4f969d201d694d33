//! The monthly analysis (8.7). To be written.
