//! `/products/:id`: a product's page for anyone signed in (proposals only for staff and the
//! proposing supplier). The body is `components::product_view::ProductView`.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::product_view::ProductView;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let detail = LocalResource::new(move || {
        let id = params
            .read()
            .get("id")
            .and_then(|id| id.parse::<uuid::Uuid>().ok());
        async move {
            match id {
                Some(id) => crate::api::catalog::get_product(id).await,
                None => Err(crate::AppError::NotFound),
            }
        }
    });
    view! {
        <section class="page">
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match detail.await {
                        Ok(detail) => view! { <ProductView detail /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| detail.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
