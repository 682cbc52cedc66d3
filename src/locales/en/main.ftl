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

nav-projects = Projects
nav-review = Review queue
nav-plans = Monthly plans
nav-audit = Audit log

form-back = Back
form-save = Save
form-cancel = Cancel
money-hint = In whole tenge, e.g. 250 000 000.
filter-all = All
filter-apply = Apply filters
filter-clear = Clear filters
filter-show = Show
filter-from = From
filter-to = To
pagination = Pages
pagination-prev = Previous
pagination-next = Next
pagination-of = Page { $page } of { $pages }

field-required = Enter a value.
field-choose = Choose one of the options.
field-too-long = Use at most { $max } characters.
field-whole-number = Enter a whole number, without decimals.
field-range = Enter a number from { $min } to { $max }.
field-date = Enter a date as YYYY-MM-DD or DD.MM.YYYY.

direction-social_cultural = Social and cultural facilities
direction-housing_communal = Housing and communal services
direction-engineering_transport = Engineering and transport infrastructure
direction-settlement_improvement = Improvement of settlements
work-capital_repair = Capital repair
work-medium_repair = Medium repair
work-current_repair = Current repair
work-reconstruction = Reconstruction
work-construction = Construction
funding-republican_budget = Republican budget
funding-local_bonds = Local executive body bonds
funding-targeted_transfers = Targeted current transfers
funding-local_budget = Local budget

status-draft = Draft
status-submitted = Submitted
status-approved = Approved
status-rejected = Rejected
status-tendering = Tendering
status-contracted = Contracted
status-in_progress = In progress
status-completed = Completed
status-suspended = Suspended
status-cancelled = Cancelled
action-submit = Submit to the commission
action-approve = Approve
action-reject = Reject
action-start_tendering = Start tendering
action-complete = Mark as completed
action-suspend = Suspend
action-resume = Resume
action-cancel = Cancel the project

projects-heading = Projects
projects-back = Back to projects
projects-search = Code or title
projects-none = No projects match these filters.
projects-found = { $count ->
    [one] { $count } project
   *[other] { $count } projects
}
project-new-heading = New project
project-edit-heading = Edit project
project-edit = Edit
project-code = Code
project-code-hint = Your register number, e.g. 27-2020-001: latin letters, digits, - _ . /
project-title = Title
project-district = District
project-settlement = Settlement
project-location = Location
project-latitude = Latitude
project-longitude = Longitude
project-coordinates-hint = Optional. Decimal degrees, e.g. 51.2333 and 51.3667.
project-direction = Direction
project-work-type = Type of work
project-funding = Funding source
project-budget = Budget, ₸
project-planned-jobs = Planned jobs
project-planned-center = Planned hires via employment centers
project-planned-center-hint = At least half of the planned jobs.
project-planned-permanent = Permanent jobs after completion
project-planned-start = Planned start
project-planned-end = Planned end
project-period = Planned period
project-status = Status
project-code-format = Use 3 to 40 latin letters, digits and - _ . / for the code.
project-code-taken = Another project already has this code.
project-center-below-half = At least half of the planned jobs must go through employment centers: enter at least { $min } for { $jobs } planned jobs.
project-center-above-jobs = Hires via employment centers cannot exceed the { $jobs } planned jobs.
project-end-before-start = The planned end must be on or after the planned start.
project-coordinates-pair = Enter both latitude and longitude, or neither.
project-coordinates-format = Enter coordinates as decimal degrees, e.g. 51.2333.
project-coordinates-outside = These coordinates are not in Kazakhstan. Check that latitude and longitude are not swapped.
project-stale = Someone else saved this project after you opened it. Your changes have not been saved.
project-stale-changed = Changed since you opened the form
project-stale-advice = Your entries are kept below. Check them against the current values and save again to keep yours.
project-history-link = Full change history
project-history-heading = Change history
flash-project-created = The project has been created as a draft.
flash-project-saved = The project has been saved.
flash-project-not-editable = This project can no longer be edited: only drafts and rejected projects can be changed.
flash-project-submitted = The project has been submitted to the commission.
flash-project-approved = The project has been approved.
flash-project-rejected = The project has been rejected; the officer can correct it and submit it again.
flash-project-status-changed = The status has been changed.
flash-project-changed-meanwhile = Someone else changed this project just now. Nothing was changed; check the project and try again.

decision = Commission decision
decision-number = Decision number
decision-date = Decision date
decision-limit = Approved funding limit, ₸
decision-number-required = Enter the number of the commission's decision.
decision-date-future = The decision date cannot be in the future.
decision-limit-required = Enter the approved limit as a whole number of tenge greater than zero.
status-change-heading = Change status
status-history = Status history
status-from = From
status-to = To
status-comment = Comment
status-comment-required = Give the reason: it is recorded in the project's history.

review-heading = Projects awaiting review
review-lead = Submitted projects from every region, the longest waiting first.
review-waiting-since = Submitted
review-empty = No projects are waiting for review.
review-count = { $count ->
    [one] { $count } project waiting
   *[other] { $count } projects waiting
}

plans-heading = Monthly plans
plans-year = Year
plans-month = Month
plans-total = Total of monthly plans
plans-projects-total = { $count ->
    [one] Plans of { $count } project running this year
   *[other] Plans of { $count } projects running this year
}
plans-choose-region = Choose a region to see its plans.
plans-stale = Someone else changed some months after you opened this page (highlighted). Nothing was saved; check and save again.
flash-plans-saved = The monthly plans have been saved.
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

audit-heading = Audit log
audit-entity = Record type
audit-record = Record
audit-changes = Changes
audit-none = No events match these filters.
import-heading = Import from CSV
import-lead = Load many projects of your region at once from a CSV file (comma- or semicolon-separated, UTF-8). Either every row is imported, or none is: fix the lines listed and upload the file again.
import-file = CSV file
import-file-hint = { $count ->
    [one] At most 5 MB and { $count } row.
   *[other] At most 5 MB and { $count } rows.
}
import-submit = Check and import
import-columns = Columns
import-template = Download the template (header row)
import-meaning = Meaning and allowed values
import-refused = Nothing was imported
import-problem-count = { $count ->
    [one] { $count } problem to fix:
   *[other] { $count } problems to fix:
}
import-line = Line
import-column = Column
import-problem = Problem
import-not-utf8 = The file is not in UTF-8 (it may be Windows-1251). In Excel choose "Save as" → "CSV UTF-8 (comma delimited)".
import-no-header = The first line must name the columns.
import-missing-columns = These columns are missing from the first line: { $columns }.
import-bad-line = This line cannot be read as CSV (check the quotes).
import-too-many-rows = The file has more than { $max } rows; split it into smaller files.
import-wrong-field-count = This line has { $found } values, but the header names { $expected } columns.
import-empty = The file has no rows under the header.
import-code-repeated = This code is already used on line { $line } of the file.
import-no-file = Choose a CSV file to upload.
import-too-large = The file is larger than { $max_mb } MB; split it into smaller files.
import-code-taken-meanwhile = Another project with code { $code } was saved while the file was being checked. Nothing was imported; upload the file again.
flash-import-done = { $count ->
    [one] { $count } project imported as a draft.
   *[other] { $count } projects imported as drafts.
}
user-locked-until = Locked until
audit-action-user-bootstrap = First administrator created
audit-action-user-create = Account created
audit-action-user-activate = Account activated
audit-action-user-deactivate = Account deactivated
audit-action-user-password_reset = Password reset by an administrator
audit-action-user-password_change = Password changed
audit-action-auth-login = Signed in
audit-action-auth-login_failed = Failed sign-in
audit-action-auth-lockout = Account locked after failed sign-ins
audit-action-auth-logout = Signed out
audit-action-project-create = Project created
audit-action-project-update = Project edited
audit-action-project-status = Status changed
audit-action-project-import = Project imported from CSV
audit-action-plan-update = Monthly plan changed
decision-date-required = Enter the date of the commission's decision.

yes = Yes
no = No
nav-contracts = My contracts
date-in-future = The date cannot be in the future.
field-money = Enter an amount in whole tenge, e.g. 1 250 000.
bin-hint = 12 digits.
bin-format = A BIN is 12 digits.
bin-check-digit = This BIN is not valid: check the digits, the last one does not match.
iin-format = An IIN is 12 digits.
iin-check-digit = This IIN is not valid: check the digits, the last one does not match.
iin-birth-date = The first seven digits of this IIN are not a real date of birth.
category-goods = Goods
category-works = Works
category-services = Services
kind-temporary = Temporary (for the works)
kind-permanent = Permanent
channel-employment_center = Employment center referral
channel-direct = Direct hire

contract = Contract
contracts-heading = Contracts
contracts-none = No contracts yet.
contract-new-heading = Record a contract
contract-save = Record the contract
contract-bin = Contractor BIN
contract-name = Contractor
contract-number = Contract number
contract-number-taken = A contract with this number is already recorded on this project.
contract-signed-on = Signed on
contract-amount = Contract amount, ₸
contract-declared = Declared local content
contract-declared-hint = Value of goods, works and services in the contract and the domestic part of each, in tenge. Together they must add up to the contract amount and be at least 90% domestic.
contract-goods = Goods, ₸
contract-goods-domestic = of which domestic, ₸
contract-works = Works, ₸
contract-works-domestic = of which domestic, ₸
contract-services = Services, ₸
contract-services-domestic = of which domestic, ₸
contract-domestic-above-value = The domestic part cannot be larger than the value.
contract-parts-sum = Goods, works and services add up to { $sum } ₸, but the contract amount is { $amount } ₸.
contract-domestic-below = The declared domestic share is { $share }; at least 90% is required. Move { $shortfall } ₸ to domestic suppliers.
contract-hires = Hires
contract-center-hires = via employment centers
contract-direct-hires = direct
contract-center-share = employment-center share (at least 50%)
contract-all-hires = { $count ->
    [one] { $count } hire
   *[other] { $count } hires
}
contract-local-content = Local content
contract-combined = Goods, works and services together
contract-declared-value = Declared, ₸
contract-declared-domestic = of which domestic, ₸
contract-declared-share = Declared share
contract-recorded-value = Recorded in the ledger, ₸
contract-recorded-share = Recorded share
flash-contract-created = The contract has been recorded.

ledger-heading = Procurement ledger
ledger-lead = Every purchase under the contract, domestic or not. Non-domestic purchases may not exceed 10% of the larger of the contract amount and the ledger total.
ledger-add = Add a purchase
ledger-category = Category
ledger-description = What was bought
ledger-amount = Amount, ₸
ledger-origin = Origin
ledger-domestic = Domestic
ledger-foreign = Not domestic
ledger-is-domestic = Produced in Kazakhstan (domestic)
ledger-producer-bin = Producer BIN
ledger-certificate = CT-KZ certificate number
ledger-certificate-hint = Required for domestic goods.
ledger-certificate-required = Domestic goods need the number of their CT-KZ certificate of origin.
ledger-empty = No purchases recorded yet.
ledger-foreign-over = This non-domestic purchase would bring non-domestic spending to { $after } ₸, above the limit of { $limit } ₸ (10%). Buy from a domestic producer or reduce the amount.
flash-ledger-line-added = The purchase has been recorded.

jobs-heading = Hires
job-heading = Hire
hire-new-heading = Record a hire
hire-import-heading = Import hires from CSV
hire-save = Record the hire
hire-counts-now = So far on this contract: { $center } hired via employment centers, { $direct } hired directly.
hire-worker = Worker
hire-job = Job
hire-iin = IIN
hire-iin-hint = 12 digits; the date of birth and sex are taken from it.
hire-full-name = Full name
hire-home-settlement = Home settlement
hire-arrived = Arrived from another settlement
hire-position = Position
hire-date = Hire date
hire-wage = Monthly wage, ₸
hire-kind = Kind of job
hire-channel = Hired through
hire-referral-number = Referral number
hire-referral-date = Referral date
hire-referral-hint = For hires through an employment center.
hire-birth-date = Date of birth
hire-youth = Youth (15–28 at hire)
hire-referral-required = Enter the employment center's referral number.
hire-referral-date-required = Enter the date of the employment center's referral.
hire-referral-after-hire = The referral cannot be dated after the hire.
hire-before-contract = The hire date cannot be before the contract was signed ({ $signed }).
hire-too-many-direct = Not recorded: this direct hire would leave the contract with more direct hires than hires via employment centers (now { $center } via employment centers, { $direct } direct). Hire through an employment center with a referral first, then this person can be hired directly.
hire-active-elsewhere = Not recorded: this worker already has an active Roadmap job on project { $code }. Record the end of that job first.
hire-worker-busy = This worker was being recorded by someone else at the same moment. Check the hires and try again.
hire-import-lead = Load many hires on this contract from a CSV file. Rows are applied in file order under the same rules as the form; either every row is recorded, or none is.
hire-import-file-hint = { $count ->
    [one] At most 30 MB and { $count } row.
   *[other] At most 30 MB and { $count } rows.
}
hire-import-columns = Dates as 2020-06-01 or 01.06.2020; kind: temporary or permanent; channel: employment_center or direct; arrived_from_other_settlement: true or false. end_date: the date the job ended, or blank while it goes on.
flash-hire-recorded = The hire has been recorded.
flash-hires-imported = { $count ->
    [one] { $count } hire imported.
   *[other] { $count } hires imported.
}
job-active = Active
job-end-date = End date
job-end-heading = End of the job
job-end = Record the end
job-end-before-hire = The end date cannot be before the hire date.
job-already-ended = This job has already ended.
job-correct-heading = Correct this hire
job-correct = Save the correction
flash-job-ended = The end of the job has been recorded.
flash-job-corrected = The hire has been corrected.
flash-job-changed-meanwhile = Someone else changed this hire just now. Nothing was saved; check and try again.

lifting-heading = Lifting payment
lifting-due = Due (2 × minimum wage on the hire date)
lifting-paid = Paid
lifting-paid-on = Payment date
lifting-record = Record the payment
lifting-not-eligible = Not eligible: lifting is paid for hires through employment centers of workers who arrived from another settlement.
lifting-date-invalid = Enter the payment date: not before the hire and not in the future.
lifting-project-totals = { $paid } of { $eligible } paid
flash-lifting-paid = The lifting payment has been recorded.
flash-lifting-already-paid = The lifting payment for this job was already recorded.
flash-lifting-not-eligible = This job is not eligible for a lifting payment.

audit-action-contract-create = Contract recorded
audit-action-ledger-add = Purchase recorded
audit-action-job-create = Hire recorded
audit-action-job-import = Hire imported from CSV
audit-action-job-end = Job ended
audit-action-job-correct = Hire corrected
audit-action-lifting-pay = Lifting payment recorded

nav-map = Map
nav-dashboard = Dashboard
nav-compliance = Compliance
dashboard-lead = Every region's projects and jobs, ranked by the share of planned jobs already created. Pick a date to see the figures as they stood then.
dashboard-as-of = Figures as of
fig-rank = Rank
fig-projects-selected = Projects selected
fig-projects-approved = Approved
fig-projects-started = Started
fig-projects-completed = Completed
fig-planned-jobs = Planned jobs
fig-jobs-created = Jobs created
fig-plan-share = % of plan
fig-center-hires = Via employment centers
fig-center-share = Employment-center share
fig-youth-share = Youth share
fig-permanent = Permanent jobs (created / planned)
fig-lifting = Lifting payments
fig-domestic-share = Domestic share
chart-plan-vs-actual = Jobs created each month against the monthly plan
chart-created = Jobs created
chart-planned = Planned
region-rank = { $rank } of { $of } regions by % of plan
region-by-direction = By direction
region-rank-history = Rank month by month
region-projects = Projects
compliance = Conditions
compliance-ok = Both conditions met
compliance-breach = A condition is broken
map-heading = Map of job creation
map-no-hires = No hires or contracts yet
compliance-heading = Compliance with the programme's conditions
compliance-lead = Contracts below or within 5 points of the 50% employment-center share and of the 90% domestic share, projects more than 20 points of plan behind their schedule, and regions behind their monthly plans. Worst first.
compliance-center-heading = Employment-center share of hires
compliance-domestic-heading = Domestic share of recorded purchases
compliance-lagging-heading = Projects behind their plan
compliance-regions-heading = Regions behind their monthly plans
compliance-none = Nothing to report.
compliance-expected = Expected by now
compliance-monthly-planned = Monthly plans to date
compliance-shortfall = Shortfall
export-permanent-planned = Permanent jobs planned
export-permanent-created = Permanent jobs created
export-lifting-tenge = Lifting paid, ₸
map-no-plan = No approved plan
map-region = Projects of
map-all-regions = Whole country: projects in breach only
map-points-summary = { $shown } of { $total } projects shown. Choose a region to see every project in it.

## Compliance states (issue 11)
state-met = Met
state-at-risk = At risk
state-breached = Breached
state-no-data = No data yet
state-legend-summary = What the states mean
state-met-means = The condition holds with room to spare: at least 55% of hires through employment centers, or at least 95% domestic content both declared and recorded.
state-at-risk-means = The condition holds but is within 5 points of its threshold, or the purchases recorded so far are below 90% domestic while the rest of the contract can still bring it to 90%. The row says what is needed.
state-breached-means = The condition is broken on the data as it stands, for example after a correction, or for data loaded before the rule. The row says what would restore it.
state-no-data-means = Nothing recorded yet that the condition can be judged on: no hires, or no declared or recorded purchases.
condition-center = Employment-center hires (at least 50%)
condition-domestic = Domestic content (at least 90%)
reason-center-no-hires = No hires recorded yet.
reason-center-breached = { $share } of hires through employment centers: { $needed ->
    [one] { $needed } more employment-center hire is needed to restore 50%.
   *[other] { $needed } more employment-center hires are needed to restore 50%.
}
reason-center-at-risk = { $share } of hires through employment centers. { $direct ->
    [0] The next hire must come through an employment center.
    [one] Only { $direct } more direct hire is allowed; after that, every other hire must come through an employment center.
   *[other] Only { $direct } more direct hires are allowed; after that, every other hire must come through an employment center.
}
reason-center-met = { $share } of hires through employment centers; { $direct } more direct hires are allowed.
reason-domestic-no-data = No declared or recorded purchases yet.
reason-declared-breached = Declared domestic share { $share }, below 90%.
reason-ledger-breached = Recorded domestic share { $share }: foreign purchases exceed the 10% limit by { $excess } ₸.
reason-ledger-recoverable = Recorded domestic share { $share }. Of the remaining { $remaining } ₸, at least { $needed } ₸ must be domestic.
reason-declared-near = Declared domestic share { $share }, within 5 points of 90%.
reason-ledger-near = Recorded domestic share { $share }; foreign purchases may add only { $foreign } ₸ more.
reason-domestic-met = Domestic share { $share }; foreign purchases may add up to { $foreign } ₸.
compliance-summary-heading = Summary by region
compliance-summary-caption = Contracts by state of each condition as of { $date }; below each count, the projects in that state (a project takes the worst of its contracts).
compliance-summary-hint = Choose a number to list those contracts.
compliance-projects-count = { $count ->
    [one] { $count } project
   *[other] { $count } projects
}
compliance-contracts-heading = Contracts
compliance-condition = Condition
compliance-both-conditions = Both conditions
compliance-state = State
compliance-needs-attention = Breached or at risk
compliance-needed = What is needed
compliance-download = Download the whole list
compliance-contracts-found = { $count ->
    [one] { $count } contract
   *[other] { $count } contracts
}
compliance-lagging-count = { $count ->
    [one] { $count } project is more than 20 points of plan behind its schedule; the most behind are shown.
   *[other] { $count } projects are more than 20 points of plan behind their schedule; the most behind are shown.
}
region-no-plan = No rank: the region has no planned jobs for this period
region-contracts-flagged = { $flagged } of { $contracts } contracts need attention
project-progress-heading = Progress
progress-created-of-planned = { $created } of { $planned }
progress-permanent = Permanent jobs
chart-project-progress = Jobs created so far against the plan's schedule
chart-created-so-far = Jobs created so far
chart-expected-so-far = Expected by the plan
contract-compliance-heading = Compliance
## wt-c: writes in one place
decision-limit-above-budget = The approved limit cannot exceed the project's budget of { $budget } ₸.
decision-date-before-submission = The decision cannot be dated before the project was submitted to the commission ({ $submitted }).
status-note-contract = A contract was recorded.
status-note-first-hire = The first hire was recorded.
## wt-a: hires, corrections, the import oracle, the minimum wage
hire-active-out-of-scope = Not recorded: this worker already has a Roadmap job elsewhere. The officers of this project's region can resolve it with the region where that job is recorded.
hire-probe-limit = Not checked: within the last hour you were refused { $limit } times for workers whose Roadmap jobs you may not see. To protect people's personal data, hires and imports are paused for you for up to an hour. The officers of this project's region can resolve it.
hire-wage-below-minimum = A full-time monthly wage cannot be below the minimum wage in force on the hire date ({ $min } ₸).
job-correction-lifting-paid = A lifting payment has been made for this job: the hiring channel, the arrival from another settlement and the hire date it was paid on can no longer change.
## wt-d: dashboard, map and audit log in words
dashboard-no-rank = — No rank: the region has no approved plan on this date, so there is no % of plan to rank it by.
dashboard-more-figures = More figures: projects by stage, youth, permanent jobs, lifting payments, domestic share
dashboard-projects-caption = Projects by stage
dashboard-hires-caption = Hires, lifting payments and local content
map-state-at-risk = At risk
map-state-breached = Breached
map-state-no-data = No data yet
map-region-value = { $name }: { $value } of plan
map-legend-shading = Regions: % of plan
map-legend-points = Projects
map-table-caption = Regions by % of plan
map-zoom = Show on the map
map-whole-country = Whole country
map-region-page = Region page
map-scroll-hint = Swipe sideways to see the whole map →
audit-entity-user = User account
audit-entity-project = Project
audit-entity-monthly-plan = Monthly plan
audit-entity-contract = Contract
audit-entity-job = Hire
audit-entity-dataset = Generated data
audit-actor-cli = (command line)
audit-actor-anonymous = (not signed in)
audit-action-data-generate = Data generated
audit-field-lifting-amount = Lifting payment, ₸
audit-field-plan-jobs = Planned jobs in the month
audit-field-plan-center = Planned employment-center hires in the month
audit-field-direct-hires = Direct hires
audit-field-comment = Comment
audit-field-seed = Generator seed
audit-field-projects = Projects
audit-field-contracts = Contracts
audit-field-jobs = Hires
audit-field-replaced = Earlier data replaced
dashboard-compliance = Projects needing attention
dashboard-flagged = { $breached } breached, { $risk } at risk
## wt-b: uploads, sign-in and password guarding
error-503-uploads-busy = Several files are being uploaded just now. Wait half a minute and send your file again.
audit-action-user-password_change_failed = Wrong current password when changing the password

## wt-f: exports that re-import
contract-import-heading = Import contracts from CSV
contract-import-back = ← Contracts
contract-import-lead = Record many contracts of your region at once, each on the project its project_code names (approved or running projects of your region). Either every line is recorded, or none is: fix the lines listed and upload the file again. The export of a region's contracts has exactly these columns.
contract-export-region = Your region's contracts in this format
contract-import-no-project = Your region has no project with this code.
contract-import-not-accepting = This project does not take contracts now: it must be approved and not yet completed.
flash-contracts-imported = { $count ->
    [one] { $count } contract recorded.
   *[other] { $count } contracts recorded.
}

## wt-e: operations (the last consistency check)
ops-heading = Data checks
ops-last-check = Last consistency check
ops-checked-at = Checked at
ops-check-kind = Run
ops-kind-check = check (jobmap check)
ops-kind-repair = repair (jobmap repair)
ops-check-result = Result
ops-check-passed = Passed: every stored figure and counter equals its recount, and every rule holds
ops-check-differences = { $count ->
    [one] { $count } difference found
   *[other] { $count } differences found
}
ops-check-duration = Duration
ops-never-checked = No check has been run on this database yet.
ops-how-to-check = An operator runs the check with `jobmap check` on the server, and rebuilds the stored figures from the records with `jobmap repair`.

## issue 13: procurement and plan files
ledger-import-heading = Import procurement lines
ledger-import-lead = Each line of the file is added to this contract's ledger in file order, checked as if typed on the form: a non-domestic line may not take foreign spending above 10%. Nothing is recorded unless every line is right.
ledger-import-back = Back to the contract's procurement
ledger-import-link = Import lines from a file
ledger-export = This ledger as a file (re-imports)
ledger-import-domestic = true when the line is domestic, false when not
flash-ledger-imported = { $count ->
    [one] { $count } procurement line recorded.
   *[other] { $count } procurement lines recorded.
}
plan-import-heading = Import monthly plans
plan-import-lead = Each line sets one month of your region's plan: month as 2024-07, planned jobs and planned employment-center hires (at least half). Months not in the file stay as they are. Nothing is saved unless every line is right.
plan-import-back = Back to monthly plans
plan-import-link = Import plans from a file
plan-export = All months of this region's plans as a file (re-imports)
plan-import-month-column = Month, as 2024-07
plan-import-month = Write the month as 2024-07.
plan-import-month-twice = This month is already on line { $line }.
plan-import-stale = Someone saved your region's plans while the file was being imported. Nothing was saved; send the file again.
flash-plans-imported = { $count ->
    [one] { $count } month of plans saved.
   *[other] { $count } months of plans saved.
}

## wt-api-core
audit-actor-service = (service account)
api-problem-not-found = Not found
api-problem-forbidden = Not allowed for this account
api-problem-unauthorized = A valid API token is required
api-problem-bad-request = Bad request
api-problem-invalid-query = Invalid query parameters
api-problem-malformed-json = The body is not valid JSON
api-problem-invalid-body = The body does not match the expected fields
api-problem-invalid-fields = Some fields are invalid
api-problem-rule-refused = Refused by a programme rule
api-problem-body-too-large = The body is too large
api-problem-unsupported-media-type = Unsupported content type
api-problem-rate-limited = Too many requests for this token
api-problem-unavailable = Temporarily unavailable
api-problem-internal = Internal error
api-problem-method-not-allowed = Method not allowed
api-problem-not-acceptable = Not acceptable
api-problem-client-error = The request cannot be processed
api-token-state-active = Active
api-token-state-expired = Expired
api-token-state-revoked = Revoked
footer-open-data = Open data and the integration API
footer-open-data-csv = Projects (CSV)
api-docs-heading = Integration API
api-docs-intro = Other systems read and write jobmap's records through /api/v1 with a service account's token, issued by an administrator. Open data (projects and figures, no personal data) needs no token.
api-docs-openapi = The OpenAPI document
api-docs-open-projects = Open data: projects (CSV)
api-docs-open-figures = Open data: figures (CSV)
api-docs-noscript = The interactive reference needs JavaScript; the OpenAPI document above describes every operation.
service-accounts-heading = Service accounts (API)
service-accounts-intro = Other systems use the integration API with a service account's token. A service account has a role and a scope like a user, and never signs in to these pages.
service-accounts-add = Add a service account
service-accounts-create = Create service account
service-accounts-back = Back to service accounts
service-accounts-to-account = Back to the service account
service-accounts-count = { $count ->
    [one] { $count } service account
   *[other] { $count } service accounts
}
service-account-name = Name
service-account-name-hint = 3 to 64 characters: latin letters, digits, '.', '_' or '-', e.g. hr-system.astana
service-account-name-invalid = Enter a name of 3 to 64 characters: latin letters, digits, '.', '_' or '-'
service-account-name-taken = A service account with this name already exists
service-account-description = Description
service-account-description-hint = Which system uses it and who to contact
api-tokens-heading = Tokens
api-tokens-count = { $count ->
    [one] { $count } token
   *[other] { $count } tokens
}
api-token-prefix = Token
api-token-label = Label
api-token-label-hint = Where the token is kept, e.g. "production server"
api-token-days = Valid for (days)
api-token-days-hint = 1 to 366 days
api-token-days-invalid = Enter a number of days from 1 to 366
api-token-expires = Expires
api-token-last-used = Last used
api-token-never-used = never
api-token-actions = Actions
api-token-revoke = Revoke
api-token-issue = Issue a token
api-token-issued-heading = Token issued
api-token-once = Copy the token now: it is shown only this once and cannot be recovered. If it is lost, revoke it and issue another.
api-token-how = Send it with every request:
flash-api-token-revoked = The token is revoked; requests with it are refused from now on.
audit-action-service_account-create = Service account created
audit-action-api_token-issue = API token issued
audit-action-api_token-revoke = API token revoked
audit-entity-service-account = Service account

## wt-api-writes
audit-action-job-bulk = Hire recorded in a bulk API request

## Verification against registers (issue 15)
register-referrals = Employment-center referrals
register-employment-contracts = Employment contracts (unified register)
register-contributions = Pension contributions (UAPF)
register-certificates = CT-KZ certificates of origin
check-not-required = Not needed
check-not-checked = Not yet checked
check-matched = Matched
check-mismatched = Does not match
check-missing = Not found
reason-none = No reason
mismatch-other-person = issued to another person
mismatch-other-region = issued in another region
mismatch-used-twice = already used for another hire
mismatch-out-of-dates = not in force on the hire date
mismatch-start-differs = the registered contract starts too far from the hire date
mismatch-other-producer = issued to another producer
mismatch-not-valid-on-date = not in force on the purchase date
reason-verified-pending = { $share } proven so far; { $unchecked } not yet checked against a loaded register, so the state is not decided.
register-col-referral-number = Referral number
register-col-issued-on = Date issued (YYYY-MM-DD)
register-col-iin = Worker's IIN (12 digits)
register-col-region = Region of the issuing employment center (KATO code, e.g. 27)
register-col-district = District of the issuing employment center
register-col-valid-until = Valid until (YYYY-MM-DD)
register-col-employer-bin-known = Employer's BIN, when known (may be empty)
register-col-employer-bin = Employer's BIN
register-col-contract-number = Employment contract number
register-col-start-date = Contract start (YYYY-MM-DD)
register-col-end-date = Contract end (YYYY-MM-DD, empty while in force)
register-col-position = Position
register-col-month = Month the contribution is for (YYYY-MM)
register-col-amount = Amount in tenge
register-col-certificate-number = Certificate number
register-col-producer-bin = Producer's BIN
register-col-product = Product
register-col-expires-on = Expiry date (YYYY-MM-DD)
register-required = Enter a value.
register-bad-date = Enter a date as YYYY-MM-DD.
register-bad-month = Enter a month as YYYY-MM.
register-bad-iin = This is not a valid IIN.
register-bad-bin = This is not a valid BIN.
register-bad-amount = Enter a whole number of tenge above zero.
register-end-before-start = The end date is before the start date.
register-outside-period = This record is not in force during the batch's period ({ $from } to { $to }).
register-other-region = This referral was issued outside region { $region }, the region of this batch.
register-period-order = The first month of the period is after the last.
register-region-required = Choose the region whose employment centers issued these referrals.
register-national-only = This register is national: leave the region empty.
register-source-required = Say where the file came from.
register-overlaps = A live batch of this register already covers { $from } to { $to }: load exactly that period to replace it, or a period that does not overlap it.
register-load-busy = Another load of this register and period finished at the same moment. Check the list of batches and try again if needed.
register-more-problems = { $count } more problems are not listed.
register-kind-required = Choose the register.
register-period-required = Enter the first and last month of the period.
register-not-a-column = This register has no such column: leave it out.
hire-referral-not-found = Referral { $number } is not in the employment centers' register for this region. A matched referral is required here: check the number, or ask the employment center.
hire-referral-other-person = Referral { $number } was issued to another person. A matched referral is required here: check the number and the IIN.
hire-referral-other-region = Referral { $number } was issued in another region. A matched referral is required here.
hire-referral-used-twice = Referral { $number } has already been used for another hire. A matched referral is required here: each referral counts once.
hire-referral-out-of-dates = Referral { $number } is not in force on the hire date. A matched referral is required here: check the hire date or ask for a new referral.
registers-heading = Registers
registers-lead = Files from the registers that hold the facts: referrals, employment contracts, pension contributions and certificates of origin. Hires and purchases are matched against them.
registers-load-heading = Load a batch
registers-kind = Register
registers-region = Region
registers-region-hint = For referrals only: the region whose employment centers issued them.
registers-period-from = First month
registers-period-hint = The batch holds every record in force during these months; a new batch for the same months replaces the old one.
registers-period-to = Last month
registers-source = Source
registers-source-hint = Where the file came from, e.g. the letter or export it was sent with.
registers-load = Load the batch
registers-formats = File formats
registers-batches = Batches loaded
registers-batch-count = { $count ->
    [one] The latest { $count } batch
   *[other] The latest { $count } batches
}
registers-period = Period
registers-rows = Rows
registers-loaded-by = Loaded by
registers-status = Status
registers-national = Whole country
registers-superseded = Replaced
registers-live = In use
registers-mandatory-heading = Mandatory referral check
registers-mandatory-lead = Once a region's referral register is loaded, an admin can require a matched referral for its new employment-center hires. Hires whose date no loaded batch covers are still accepted.
registers-mandatory-now = Required in regions:
registers-mandatory = Require a matched referral
registers-mandatory-yes = Yes, require it
registers-mandatory-no = No
registers-mandatory-save = Save the setting
flash-register-loaded = { $count ->
    [one] The batch was loaded: { $count } row.
   *[other] The batch was loaded: { $count } rows.
}
flash-register-setting-saved = The setting has been saved.
flash-register-setting-not-loaded = No referral register has been loaded for that region yet.
verification-heading = Discrepancies
verification-lead = Hires and purchases that the loaded registers do not confirm. Each list can be filtered and downloaded.
verification-list = List
verification-region = Region
verification-all-regions = All regions
verification-show = Show
verification-count = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
verification-export = Download CSV
verification-state = Check
verification-reason = Why
verification-missing-months = Months without contributions
discrepancy-referrals = Employment-center hires without a matching referral
discrepancy-used-twice = Referrals used twice
discrepancy-contracts = Hires without a registered employment contract
discrepancy-contributions = Months worked without pension contributions
discrepancy-certificates = Certificates not found or not in force
discrepancy-referrals-todo = Check the referral number and date against the paper referral; correct the hire, or ask the employment center to register the referral.
discrepancy-used-twice-todo = Each referral counts for one hire. Correct the referral number of the later hire, or record it as a direct hire.
discrepancy-contracts-todo = Register the employment contract in the unified register, or correct the hire date if it differs.
discrepancy-contributions-todo = Pay the missing pension contributions for the months listed, or record the date the job ended.
discrepancy-certificates-todo = Check the certificate number and the producer's BIN on the ledger line; ask the supplier for a certificate in force on the purchase date.
verified-heading = Verified against registers
verified-center-share = Hires with a matched referral
verified-domestic-share = Domestic value proven by certificates
verified-state = Verified state
verified-unchecked-hires = { $count ->
    [one] { $count } employment-center hire not yet checked
   *[other] { $count } employment-center hires not yet checked
}
verified-unchecked-tenge = { $count ->
    [one] { $count } ₸ of domestic goods not yet checked
   *[other] { $count } ₸ of domestic goods not yet checked
}
audit-action-register-load = Register batch loaded
audit-action-register-settings = Verification setting changed
audit-action-verification-view = Discrepancy list viewed
audit-entity-register-batch = Register batch
audit-entity-region = Region

## Discrepancy lists: the register records behind each entry, and what a contractor does next.
verification-evidence = In the registers
verification-next-step = What to do
evidence-referral = Referral { $number }: IIN { $iin }, { $region }, { $district }, issued { $issued }, valid until { $until }
evidence-referral-none = No referral { $number } in the loaded registers
evidence-other-use = Also quoted by the hire of IIN { $iin } on { $date } (contract { $contract }, { $region })
evidence-contract = Registered contract { $number } from { $start } ({ $position })
evidence-contract-ended = Registered contract { $number } from { $start } to { $end } ({ $position })
evidence-contract-none = No employment contract registered for this worker with employer BIN { $bin }
evidence-months = Contributions from BIN { $bin } paid for { $months }
evidence-months-none = No contributions from BIN { $bin } in the loaded registers
evidence-certificate = Certificate { $number }: producer BIN { $producer }, { $product }, issued { $issued }, expires { $expires }
evidence-certificate-none = No certificate { $number } in the loaded registers
todo-referral-missing = Ask the employment center to confirm the referral number and date; if you typed them wrong, correct the hire.
todo-referral-other-person = The referral belongs to another person: check the worker's IIN and the referral number on the paper referral, and correct the hire.
todo-referral-other-region = The referral was issued in another region: ask the worker for a referral from this region's employment center, or record the hire as direct.
todo-referral-dates = The hire date is outside the referral's dates: correct the hire date, or ask the center for a referral valid on it.
todo-used-twice = This referral was already used for another hire: correct the referral number, or record this hire as direct.
todo-contract-missing = Register this worker's employment contract in the unified register (ESUTD).
todo-contract-start = The registered contract starts on another date: correct the hire date or the contract in the register.
todo-contributions = Pay the pension contributions for the months listed, or record the date the job ended.
todo-certificate-missing = Ask the supplier for the CT-KZ certificate and correct its number on the ledger line.
todo-certificate-producer = The certificate names another producer: check the producer's BIN on the ledger line.
todo-certificate-expired = The certificate was not in force on the purchase date: ask the supplier for a valid one.
