//! The template engine (tera 2). To be written: see the module docs of [`crate::report`].
