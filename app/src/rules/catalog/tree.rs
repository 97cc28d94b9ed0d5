//! The category tree: display order with depths, and the parent changes that would close a loop.

use crate::types::catalog::Category;
use std::collections::HashMap;
use uuid::Uuid;

/// Categories depth first (children after their parent, siblings by English name), each with
/// its depth. A category whose parent is missing is shown as a root, so nothing is ever hidden.
pub fn tree_order(categories: &[Category]) -> Vec<(usize, &Category)> {
    let known: HashMap<Uuid, &Category> = categories.iter().map(|c| (c.category_id, c)).collect();
    let mut children: HashMap<Option<Uuid>, Vec<&Category>> = HashMap::new();
    for category in categories {
        let parent = category.parent_id.filter(|p| known.contains_key(p));
        children.entry(parent).or_default().push(category);
    }
    for siblings in children.values_mut() {
        siblings.sort_by(|a, b| a.name_en.cmp(&b.name_en).then(a.code.cmp(&b.code)));
    }
    let mut ordered = Vec::with_capacity(categories.len());
    let mut stack: Vec<(usize, &Category)> = children
        .get(&None)
        .map(|roots| roots.iter().rev().map(|c| (0, *c)).collect())
        .unwrap_or_default();
    while let Some((depth, category)) = stack.pop() {
        // A corrupt loop would revisit a category: stop once everything was placed.
        if ordered.len() >= categories.len() {
            break;
        }
        ordered.push((depth, category));
        if let Some(kids) = children.get(&Some(category.category_id)) {
            stack.extend(kids.iter().rev().map(|c| (depth + 1, *c)));
        }
    }
    ordered
}

/// Whether making `parent` the parent of `category` would put `category` under itself.
/// `parents` maps each category to its current parent.
pub fn would_cycle(parents: &HashMap<Uuid, Option<Uuid>>, category: Uuid, parent: Uuid) -> bool {
    let mut current = Some(parent);
    // At most one step per category: a longer walk means the stored tree already loops.
    for _ in 0..=parents.len() {
        match current {
            None => return false,
            Some(id) if id == category => return true,
            Some(id) => current = parents.get(&id).copied().flatten(),
        }
    }
    true
}

/// `category` and every category below it (for parent pickers, which must leave them out).
pub fn subtree(categories: &[Category], category: Uuid) -> Vec<Uuid> {
    let parents: HashMap<Uuid, Option<Uuid>> = categories
        .iter()
        .map(|c| (c.category_id, c.parent_id))
        .collect();
    categories
        .iter()
        .map(|c| c.category_id)
        .filter(|id| *id == category || would_cycle(&parents, category, *id))
        .collect()
}

#[cfg(test)]
mod tests;
