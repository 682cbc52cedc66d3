app-name = jobmap
app-title = Job creation monitoring map
app-subtitle = Employment Roadmap: infrastructure projects, contracts and the jobs they create
skip-to-content = Skip to main content
nav-home = Overview
nav-main = Main menu
nav-sign-in = Sign in
language-label = Language
language-switch = Change language
footer-about = Figures follow the Roadmap's definitions: jobs created are hires recorded on contracts; the employment-center share is centre hires over all hires.
footer-health = Service status
flash-info = Information
flash-success = Done
flash-error = There is a problem

projects-count = { $count ->
    [one] { $count } project
   *[other] { $count } projects
}
jobs-count = { $count ->
    [one] { $count } job
   *[other] { $count } jobs
}
regions-count = { $count ->
    [one] { $count } region
   *[other] { $count } regions
}

home-heading = Regions of Kazakhstan in the Roadmap
home-lead = Projects registered and jobs created, by region, as recorded in jobmap.
home-regions-caption = { $count ->
    [one] { $count } region in the current administrative frame
   *[other] { $count } regions in the current administrative frame
}
col-kato = KATO
col-region = Region
col-projects = Projects
col-jobs-created = Jobs created
col-active-since = Active since
home-total = Kazakhstan
home-since-split = since { $date }

error-400-title = The request could not be understood
error-400-body = Something in what was sent is malformed or missing. Go back, check the form and try again.
error-403-title = You do not have access to this page
error-403-body = Your role does not allow this action. If you think it should, ask your administrator.
error-403-csrf = The form had expired or did not come from this site. Go back, reload the page and send it again.
error-404-title = Page not found
error-404-body = Check the address. If you followed a link, the record may have been removed or may be outside your area.
error-405-title = This action is not available here
error-405-body = The page does not accept this kind of request. Go back and use the buttons on the page.
error-413-title = What you sent is too large
error-413-body = The upload or form is larger than the limit. Split the file into smaller parts and try again.
error-415-title = Unsupported format
error-415-body = The page expected a form or a file of another type. Go back and use the form on the page.
error-429-title = Too many requests
error-429-body = Please wait a minute before trying again.
error-500-title = Sorry, something went wrong
error-500-body = Nothing you entered has been half-saved: try again in a moment. If it keeps happening, tell your administrator the reference below.
error-503-title = The service is temporarily unavailable
error-503-body = The database cannot be reached just now. Try again in a few minutes.
error-other-title = The request could not be completed
error-other-body = Go back and try again.
error-reference = Reference
error-home-link = Go to the overview

region-kind-region = region
region-kind-city = city of republican significance

nav-users = Users
nav-sign-out = Sign out
nav-change-password = Change your password
form-choose = Choose…
flash-signed-out = You have signed out.
flash-password-changed = Your password has been changed. Other sessions of your account have been signed out.
flash-user-activated = The account is active again.
flash-user-deactivated = The account is deactivated and its sessions have ended.
flash-cannot-deactivate-self = You cannot deactivate your own account.

role-admin = Administrator
role-commission = Commission member
role-akimat = Akimat officer
role-contractor = Contractor
role-unknown = Unknown role

login-heading = Sign in
login-login = Login
login-password = Password
login-submit = Sign in
login-help = Accounts are issued by your administrator. If you have forgotten your password, ask them to reset it.
login-invalid = The login or password is incorrect.
login-locked = { $minutes ->
    [one] Too many failed attempts: this account is locked. Try again in { $minutes } minute.
   *[other] Too many failed attempts: this account is locked. Try again in { $minutes } minutes.
}

password-heading = Change your password
password-current = Current password
password-new = New password
password-confirm = New password again
password-rules = At least 8 characters. A few unrelated words make a strong password that is easy to remember; common passwords are refused.
password-submit = Change password
password-current-wrong = The current password is incorrect.
password-confirm-differs = The two new passwords are different.
password-too-short = The password must be at least 8 characters.
password-too-long = The password must be at most 128 characters.
password-too-common = This password is too common or too easy to guess. Choose a longer one, for example three or four unrelated words.

users-heading = Users
users-add = Add a user
users-create = Create the account
users-back = Back to users
users-to-account = Go to the account
users-count = { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}
user-login = Login
user-login-hint = 3 to 64 characters: latin letters, digits, dot, underscore or hyphen.
user-full-name = Full name
user-role = Role
user-region = Region
user-region-hint = Akimat officers only: the region whose projects they manage.
user-bin = Contractor BIN
user-bin-hint = Contractors only: the 12-digit BIN of their company.
user-scope = Scope
user-scope-national = all regions
user-scope-region = region
user-scope-bin = BIN
user-status = Status
user-active = active
user-inactive = deactivated
user-created-at = Created
user-history = History
user-deactivate = Deactivate account
user-activate = Activate account
user-reset-password = Reset password
user-created-heading = Account created
user-reset-heading = Password reset
user-password-once = Give this password to the user in person. It is shown only once; they should change it after signing in.
user-login-invalid = Enter a login of 3 to 64 characters: latin letters, digits, dot, underscore or hyphen.
user-login-taken = This login is already taken.
user-role-required = Choose a role.
user-region-required = Choose the region of the akimat officer.
user-bin-invalid = Enter the contractor's 12-digit BIN; check the digits, the last one does not match.
user-scope-mismatch = Only akimat officers have a region and only contractors have a BIN: clear the field that does not apply.

audit-when = When (UTC)
audit-who = Who
audit-action = Action
audit-ip = Address
