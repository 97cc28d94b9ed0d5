//! Saving text the page produced (an audit export, a CSV) as a file, through a Blob and a
//! temporary link: no server round trip for the file.

/// Offers `text` for download as `file_name` with the given MIME type.
pub fn save_text_file(file_name: &str, mime: &str, text: &str) {
    #[cfg(feature = "csr")]
    {
        use leptos::prelude::set_timeout;
        use wasm_bindgen::{JsCast, JsValue};
        let save = || -> Option<()> {
            let parts = js_sys::Array::of1(&JsValue::from_str(text));
            let options = web_sys::BlobPropertyBag::new();
            options.set_type(mime);
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            let document = web_sys::window()?.document()?;
            let link: web_sys::HtmlAnchorElement =
                document.create_element("a").ok()?.dyn_into().ok()?;
            link.set_href(&url);
            link.set_download(file_name);
            link.click();
            // Revoked a moment later: some browsers read the URL after `click` returns.
            set_timeout(
                move || {
                    let _ = web_sys::Url::revoke_object_url(&url);
                },
                std::time::Duration::from_secs(2),
            );
            Some(())
        };
        let _ = save();
    }
    #[cfg(not(feature = "csr"))]
    let _ = (file_name, mime, text);
}
