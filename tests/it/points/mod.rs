//! Reading point tables (`io::points`): CSV line numbers, delimiters and
//! decimal commas, duplicate columns; and telling a file's format by its
//! content (`FileKind`), as every reader of a file does.

mod csv;
pub mod kinds;
