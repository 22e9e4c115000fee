//! Reusable pieces of the explorer, one component per file.

pub mod csp_table;
pub mod gti_table;
pub mod header;
pub mod index_switcher;
pub mod notices;
pub mod source_list;
pub mod weights_panel;
