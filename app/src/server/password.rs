//! Password hashing with argon2id (19 MiB, t=2, p=1: the OWASP baseline), off the async threads.

use crate::AppError;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};

fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("static argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into a PHC string (algorithm, parameters and salt included).
pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
    })
    .await
    .map_err(|e| crate::server::error::internal(e, "hashing a password"))?
    .map_err(|e| crate::server::error::internal(e, "hashing a password"))
}

/// Checks a password against a stored hash. With no stored hash (unknown account) it still does
/// the work, so response time does not reveal which e-mail addresses have accounts.
pub async fn verify_password(
    password: String,
    stored_hash: Option<String>,
) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let fallback;
        let stored = match &stored_hash {
            Some(hash) => hash.as_str(),
            None => {
                fallback = hasher()
                    .hash_password(b"timing equaliser", &SaltString::generate(&mut OsRng))
                    .map(|h| h.to_string())
                    .unwrap_or_default();
                fallback.as_str()
            }
        };
        let Ok(parsed) = PasswordHash::new(stored) else {
            return false;
        };
        stored_hash.is_some()
            && hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
    })
    .await
    .map_err(|e| crate::server::error::internal(e, "verifying a password"))
}
