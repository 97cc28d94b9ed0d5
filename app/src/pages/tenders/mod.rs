//! The tender pages: the list, the new-tender form and a tender's detail. The live bidding
//! board of each lot is [`crate::pages::board`].

pub mod detail;
mod fields;
pub mod format;
pub mod list;
mod lot_draft;
mod lot_fields;
pub mod new;
