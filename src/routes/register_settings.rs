//! `POST /registers/settings`: an admin makes a matched referral mandatory (or not) for new
//! employment-center hires in one region, once its referral register is loaded.

use actix_web::{HttpResponse, web};
use actix_web_flash_messages::FlashMessage;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::usecase::acting::Acting;
use crate::usecase::verification_settings::{SettingError, set_referral_mandatory};
use crate::web::see_other;

#[derive(Debug, Deserialize)]
pub struct SettingForm {
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub mandatory: String,
}

pub async fn update(
    user: CurrentUser,
    db: web::Data<Db>,
    form: web::Form<SettingForm>,
) -> Result<HttpResponse, AppError> {
    user.require(&[Role::Admin])?;
    let by = Acting::from(&user);
    let SettingForm { region, mandatory } = form.into_inner();
    let on = mandatory == "yes";
    let done = db
        .run(move |conn| Ok(set_referral_mandatory(conn, &by, region.trim(), on)))
        .await?;
    match done {
        Ok(()) => FlashMessage::success("flash-register-setting-saved").send(),
        Err(SettingError::NotLoaded) => {
            FlashMessage::error("flash-register-setting-not-loaded").send()
        }
        Err(SettingError::Forbidden) => return Err(AppError::Forbidden),
        Err(SettingError::Db(e)) => return Err(e.into()),
    }
    Ok(see_other("/registers#settings"))
}
