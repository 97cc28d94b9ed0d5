use super::*;

fn category(id: u128, parent: Option<u128>, name: &str) -> Category {
    Category {
        category_id: Uuid::from_u128(id),
        parent_id: parent.map(Uuid::from_u128),
        code: name.to_lowercase(),
        name_en: name.to_owned(),
        name_zh: name.to_owned(),
        attributes: Vec::new(),
    }
}

fn sample() -> Vec<Category> {
    vec![
        category(3, Some(1), "Rebar"),
        category(1, None, "Steel"),
        category(2, None, "Fasteners"),
        category(4, Some(2), "Bolts"),
        category(5, Some(1), "Plate"),
        category(6, Some(4), "Hex bolts"),
    ]
}

#[test]
fn the_tree_lists_children_under_their_parent_by_name() {
    let categories = sample();
    let order: Vec<(usize, &str)> = tree_order(&categories)
        .into_iter()
        .map(|(depth, c)| (depth, c.name_en.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            (0, "Fasteners"),
            (1, "Bolts"),
            (2, "Hex bolts"),
            (0, "Steel"),
            (1, "Plate"),
            (1, "Rebar"),
        ]
    );
}

#[test]
fn an_orphan_is_shown_as_a_root() {
    let categories = vec![category(7, Some(99), "Orphan")];
    assert_eq!(tree_order(&categories).len(), 1);
}

#[test]
fn a_category_cannot_move_under_itself_or_its_descendants() {
    let categories = sample();
    let parents: HashMap<Uuid, Option<Uuid>> = categories
        .iter()
        .map(|c| (c.category_id, c.parent_id))
        .collect();
    let id = Uuid::from_u128;
    assert!(would_cycle(&parents, id(2), id(2)));
    assert!(would_cycle(&parents, id(2), id(6)));
    assert!(!would_cycle(&parents, id(4), id(1)));
    assert!(!would_cycle(&parents, id(6), id(3)));
    let mut below: Vec<Uuid> = subtree(&categories, id(2));
    below.sort();
    assert_eq!(below, [id(2), id(4), id(6)]);
}

#[test]
fn a_stored_loop_counts_as_a_cycle_instead_of_hanging() {
    let id = Uuid::from_u128;
    let parents: HashMap<Uuid, Option<Uuid>> = [(id(1), Some(id(2))), (id(2), Some(id(1)))]
        .into_iter()
        .collect();
    assert!(would_cycle(&parents, id(3), id(1)));
}
