//! The pages of the explorer, one per `view` value of the URL.

pub mod methods;
pub mod rankings;
