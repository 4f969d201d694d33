//! A case's dossier and printable forms (7.9, 7.10). To be written.
