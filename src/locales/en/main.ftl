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
