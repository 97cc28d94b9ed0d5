//! `agora-server`: runs the Agora platform, or performs one administrative command.
//!
//! ```text
//! agora-server                      serve (migrates, seeds demo data into an empty database)
//! agora-server migrate              apply migrations and exit
//! agora-server create-staff --email E --name N --role operator|reviewer
//!                                   create a platform-staff account (password from AGORA_STAFF_PASSWORD)
//! ```

use anyhow::Context;
use server::{config::Settings, staff, startup, telemetry};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let settings = Settings::from_env().context("reading settings from the environment")?;
    telemetry::init(&settings.log_format);
    app::server::register();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("serve") => startup::serve(settings).await,
        Some("migrate") => {
            let pool = startup::connect(&settings).await?;
            startup::migrate(&pool).await
        }
        Some("create-staff") => {
            let pool = startup::connect(&settings).await?;
            startup::migrate(&pool).await?;
            staff::create_staff_from_args(&pool, &args[1..]).await
        }
        Some(other) => anyhow::bail!("unknown command {other:?}; see the README for usage"),
    }
}
