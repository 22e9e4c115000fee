//! Reusable pieces of the explorer, one component per file.

pub mod charts;
#[cfg(feature = "full")]
pub mod embed_dialog;
#[cfg(feature = "full")]
pub mod header;
#[cfg(feature = "full")]
pub mod index_switcher;
pub mod link;
pub mod model_card;
#[cfg(feature = "full")]
pub mod notices;
pub mod ranking_table;
#[cfg(feature = "full")]
pub mod share_bar;
pub mod source_list;
#[cfg(feature = "full")]
pub mod weights_panel;
