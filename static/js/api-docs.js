// Starts the vendored Swagger UI on /api/docs. A file of its own, because the
// Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  var target = document.getElementById("swagger-ui");
  if (!target || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: target.getAttribute("data-spec-url"),
    domNode: target,
    // Off: a deep link is an anchor inside each operation's toggle button, which screen readers
    // cannot use (axe: nested-interactive).
    deepLinking: false,
    // The public validator is on another origin, which the CSP (rightly) forbids.
    validatorUrl: null,
    tryItOutEnabled: false,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
})();
