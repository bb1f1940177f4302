// Starts Swagger UI on /api/v1/docs/ from a static file, so the page needs no inline script.
(function () {
  "use strict";
  var node = document.getElementById("swagger-ui");
  if (!node || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: node.getAttribute("data-schema-url"),
    domNode: node,
    deepLinking: true,
    supportedSubmitMethods: ["get"],
  });
})();
