// Site-wide behaviour, loaded by base.html. No inline script anywhere (Content-Security-Policy
// script-src 'self'): templates mark elements with data- attributes and this file wires them.
"use strict";

// <select data-autosubmit>: choosing an option submits its form (the language switcher). Without
// JavaScript the form's <noscript> button does the same.
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-autosubmit]");
  if (select && select.form) {
    select.form.requestSubmit();
  }
});
