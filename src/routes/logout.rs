//! `POST /logout`: ends the session on the server, not only in the browser.

use actix_session::Session;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::db::audit;
use crate::error::AppError;

pub async fn submit(
    user: Option<CurrentUser>,
    session: Session,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    if let Some(user) = user {
        db.write(move |conn| {
            audit::record(
                conn,
                audit::Event {
                    actor: &user.actor(),
                    action: "auth.logout",
                    entity: "user",
                    entity_id: &user.id,
                    before: None,
                    after: None,
                    ip: None,
                },
            )?;
            Ok(())
        })
        .await?;
    }
    // purge() deletes the server-side row, so the old cookie is dead even if replayed.
    session.purge();
    FlashMessage::info("flash-signed-out").send();
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/"))
        .finish())
}
