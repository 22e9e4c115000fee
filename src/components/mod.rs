//! Reusable pieces of the explorer, one component per file.

pub mod charts;
pub mod csp_table;
#[cfg(feature = "full")]
pub mod embed_dialog;
pub mod gti_table;
#[cfg(feature = "full")]
pub mod header;
#[cfg(feature = "full")]
pub mod index_switcher;
pub mod link;
#[cfg(feature = "full")]
pub mod notices;
#[cfg(feature = "full")]
pub mod share_bar;
pub mod source_list;
#[cfg(feature = "full")]
pub mod weights_panel;
