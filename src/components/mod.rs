//! Reusable pieces of the explorer, one component per file.

pub mod charts;
pub mod csp_table;
pub mod embed_dialog;
pub mod gti_table;
pub mod header;
pub mod index_switcher;
pub mod link;
pub mod notices;
pub mod share_bar;
pub mod source_list;
pub mod weights_panel;
