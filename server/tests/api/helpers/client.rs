//! The HTTP side of the tests: `ApiClient`, one cookie-keeping client per simulated browser with a
//! typed call for every server function, and `Reply`, its answer with assertion helpers.

use super::{sign_up_input, token_of, Account, SESSION_COOKIE};
use app::types::{CurrentUser, SignUpInput};
use reqwest::cookie::{CookieStore, Jar};
use reqwest::header::HeaderMap;
use reqwest::{StatusCode, Url};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::sync::Arc;
use uuid::Uuid;

/// One HTTP answer: status, headers and body text.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
}

impl Reply {
    /// The body as JSON (panics with the body if it is not JSON).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| {
            panic!(
                "expected a JSON body ({e}), got {} {:?}",
                self.status, self.text
            )
        })
    }

    /// Asserts 200 and decodes the body.
    #[track_caller]
    pub fn ok<T: DeserializeOwned>(&self) -> T {
        assert_eq!(
            self.status,
            StatusCode::OK,
            "expected 200, body: {}",
            self.text
        );
        serde_json::from_str(&self.text)
            .unwrap_or_else(|e| panic!("cannot decode {}: {e}", self.text))
    }

    /// Asserts the status and the `kind` of the `AppError` body; returns the body.
    #[track_caller]
    pub fn assert_error(&self, status: u16, kind: &str) -> Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status, body: {}",
            self.text
        );
        let body = self.json();
        assert_eq!(body["kind"], kind, "unexpected error kind: {body}");
        body
    }

    /// The issue codes reported for `field` in a validation error.
    pub fn field_codes(&self, field: &str) -> Vec<String> {
        self.json()["fields"][field]
            .as_array()
            .map(|issues| {
                issues
                    .iter()
                    .filter_map(|issue| issue["code"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Asserts a 422 validation error with exactly the issue `code` on `field`.
    #[track_caller]
    pub fn assert_field_issue(&self, field: &str, code: &str) {
        self.assert_error(422, "validation");
        assert_eq!(
            self.field_codes(field),
            [code],
            "issues of {field}: {}",
            self.text
        );
    }

    /// Asserts the object was hidden or refused: 404 `not_found` or 403 `forbidden`.
    #[track_caller]
    pub fn assert_refused(&self, what: &str) {
        let kind = match self.status.as_u16() {
            403 => "forbidden",
            404 => "not_found",
            other => panic!("{what}: expected 403 or 404, got {other}: {}", self.text),
        };
        assert_eq!(self.json()["kind"], kind, "{what}: {}", self.text);
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }
}

/// One browser-like client: its own cookie jar, typed calls to every server function.
pub struct ApiClient {
    pub address: String,
    pub http: reqwest::Client,
    jar: Arc<Jar>,
}

impl ApiClient {
    pub fn new(address: &str) -> Self {
        let jar = Arc::new(Jar::default());
        let http = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("build the HTTP client");
        ApiClient {
            address: address.to_owned(),
            http,
            jar,
        }
    }

    fn url(&self) -> Url {
        Url::parse(&self.address).expect("the server address is a URL")
    }

    /// The value of the session cookie this client holds, if any.
    pub fn session_cookie(&self) -> Option<String> {
        let header = self.jar.cookies(&self.url())?;
        let prefix = format!("{SESSION_COOKIE}=");
        header
            .to_str()
            .ok()?
            .split("; ")
            .find_map(|pair| pair.strip_prefix(prefix.as_str()))
            .map(str::to_owned)
    }

    /// Puts a session cookie into this client's jar, as a replaying attacker would.
    pub fn set_session_cookie(&self, value: &str) {
        self.jar
            .add_cookie_str(&format!("{SESSION_COOKIE}={value}; Path=/"), &self.url());
    }

    pub async fn send(&self, request: reqwest::RequestBuilder) -> Reply {
        let response = request.send().await.expect("the server answers");
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.expect("a readable body");
        Reply {
            status,
            headers,
            text,
        }
    }

    /// `POST <path>` with a JSON body.
    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.send(
            self.http
                .post(format!("{}{path}", self.address))
                .json(&body),
        )
        .await
    }

    /// `GET <path>`.
    pub async fn get(&self, path: &str) -> Reply {
        self.send(self.http.get(format!("{}{path}", self.address)))
            .await
    }

    // --- auth ---

    pub async fn sign_up(&self, input: &SignUpInput) -> Reply {
        self.post("/api/auth/sign_up", json!({ "input": input }))
            .await
    }

    /// Signs up a new organisation of `kind` and asserts it worked.
    pub async fn sign_up_org(&self, kind: &str) -> Account {
        let input = sign_up_input(kind);
        let user: CurrentUser = self.sign_up(&input).await.ok();
        Account {
            email: input.email,
            user,
        }
    }

    pub async fn log_in(&self, email: &str, password: &str) -> Reply {
        self.post(
            "/api/auth/log_in",
            json!({ "email": email, "password": password }),
        )
        .await
    }

    pub async fn log_out(&self) -> Reply {
        self.post("/api/auth/log_out", json!({})).await
    }

    pub async fn get_current_user(&self) -> Reply {
        self.post("/api/auth/get_current_user", json!({})).await
    }

    /// The signed-in user, or `None` (asserting the call itself succeeded).
    pub async fn current_user(&self) -> Option<CurrentUser> {
        self.get_current_user().await.ok()
    }

    // --- account ---

    pub async fn update_profile(&self, display_name: &str) -> Reply {
        self.post(
            "/api/account/update_profile",
            json!({ "display_name": display_name }),
        )
        .await
    }

    pub async fn change_password(&self, current_password: &str, new_password: &str) -> Reply {
        let body = json!({ "current_password": current_password, "new_password": new_password });
        self.post("/api/account/change_password", body).await
    }

    // --- invitations ---

    pub async fn invite_member(&self, organisation_id: Uuid, email: &str, role: &str) -> Reply {
        let body = json!({ "organisation_id": organisation_id, "email": email, "role": role });
        self.post("/api/invitations/invite_member", body).await
    }

    /// Invites and returns the token of the accept link, asserting it worked.
    pub async fn invite(&self, organisation_id: Uuid, email: &str, role: &str) -> String {
        let created: Value = self.invite_member(organisation_id, email, role).await.ok();
        token_of(created["accept_path"].as_str().expect("an accept_path"))
    }

    pub async fn list_invitations(&self, organisation_id: Uuid) -> Reply {
        self.post(
            "/api/invitations/list_invitations",
            json!({ "organisation_id": organisation_id }),
        )
        .await
    }

    pub async fn revoke_invitation(&self, organisation_id: Uuid, invitation_id: Uuid) -> Reply {
        let body = json!({ "organisation_id": organisation_id, "invitation_id": invitation_id });
        self.post("/api/invitations/revoke_invitation", body).await
    }

    pub async fn get_invitation(&self, token: &str) -> Reply {
        self.post("/api/invitations/get_invitation", json!({ "token": token }))
            .await
    }

    pub async fn accept_invitation(
        &self,
        token: &str,
        display_name: &str,
        password: &str,
    ) -> Reply {
        let body = json!({ "token": token, "display_name": display_name, "password": password });
        self.post("/api/invitations/accept_invitation", body).await
    }

    // --- members ---

    pub async fn list_members(&self, organisation_id: Uuid) -> Reply {
        self.post(
            "/api/members/list_members",
            json!({ "organisation_id": organisation_id }),
        )
        .await
    }

    pub async fn set_member_role(&self, organisation_id: Uuid, user_id: Uuid, role: &str) -> Reply {
        let body = json!({ "organisation_id": organisation_id, "user_id": user_id, "role": role });
        self.post("/api/members/set_member_role", body).await
    }

    pub async fn remove_member(&self, organisation_id: Uuid, user_id: Uuid) -> Reply {
        let body = json!({ "organisation_id": organisation_id, "user_id": user_id });
        self.post("/api/members/remove_member", body).await
    }

    // --- organisations ---

    pub async fn get_organisation(&self, organisation_id: Uuid) -> Reply {
        self.post(
            "/api/organisations/get_organisation",
            json!({ "organisation_id": organisation_id }),
        )
        .await
    }

    pub async fn update_organisation(&self, organisation_id: Uuid, input: Value) -> Reply {
        let body = json!({ "organisation_id": organisation_id, "input": input });
        self.post("/api/organisations/update_organisation", body)
            .await
    }

    pub async fn search_suppliers(&self, query: &str) -> Reply {
        self.post(
            "/api/organisations/search_suppliers",
            json!({ "query": query }),
        )
        .await
    }

    pub async fn list_organisations(&self) -> Reply {
        self.post("/api/organisations/list_organisations", json!({}))
            .await
    }
    // --- qualification ---

    pub async fn get_application(&self, organisation_id: Uuid) -> Reply {
        self.post(
            "/api/qualification/get_application",
            json!({ "organisation_id": organisation_id }),
        )
        .await
    }

    pub async fn save_profile(&self, organisation_id: Uuid, input: Value) -> Reply {
        let body = json!({ "organisation_id": organisation_id, "input": input });
        self.post("/api/qualification/save_profile", body).await
    }

    /// Uploads `bytes` as a document of `kind` (multipart, as the browser's form does).
    pub async fn upload_document(
        &self,
        organisation_id: Uuid,
        kind: &str,
        file_name: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> Reply {
        let file = reqwest::multipart::Part::bytes(bytes)
            .file_name(file_name.to_owned())
            .mime_str(content_type)
            .expect("a valid content type");
        let form = reqwest::multipart::Form::new()
            .text("organisation_id", organisation_id.to_string())
            .text("kind", kind.to_owned())
            .text("number", "91330200MA2GXXXX")
            .text("issuer", "Ningbo Administration for Market Regulation")
            .text("expires_on", "2030-12-31")
            .part("file", file);
        self.send(
            self.http
                .post(format!(
                    "{}/api/qualification/upload_document",
                    self.address
                ))
                .multipart(form),
        )
        .await
    }

    pub async fn submit_application(&self, organisation_id: Uuid) -> Reply {
        self.post(
            "/api/qualification/submit_application",
            json!({ "organisation_id": organisation_id }),
        )
        .await
    }

    pub async fn review_queue(&self) -> Reply {
        self.post("/api/qualification/review_queue", json!({}))
            .await
    }

    pub async fn decide_document(&self, document_id: Uuid, approve: bool, note: &str) -> Reply {
        let body = json!({ "document_id": document_id, "approve": approve, "note": note });
        self.post("/api/qualification/decide_document", body).await
    }

    pub async fn decide_application(
        &self,
        organisation_id: Uuid,
        decision: &str,
        reason: &str,
    ) -> Reply {
        let body =
            json!({ "organisation_id": organisation_id, "decision": decision, "reason": reason });
        self.post("/api/qualification/decide_application", body)
            .await
    }

    /// `GET /files/supplier-documents/<id>` (the body as text is enough for small test files).
    pub async fn download_document(&self, document_id: Uuid) -> Reply {
        self.get(&format!("/files/supplier-documents/{document_id}"))
            .await
    }
}
