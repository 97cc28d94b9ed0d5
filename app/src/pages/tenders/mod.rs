//! The tender pages: the list, the new-tender form and a tender's detail. The live bidding
//! board of each lot is [`crate::pages::board`].

pub mod format;
