// Keeps a console page current: every few seconds, while the page is shown, clicks each hidden button marked
// data-refresh, whose f:ajax re-renders the region named by the attribute. A region that holds the keyboard
// focus is left alone, so that refreshing never pulls a control away from someone using it.
(function () {
    "use strict";
    const EVERY_MS = 5000;
    setInterval(function () {
        if (document.hidden) {
            return;
        }
        document.querySelectorAll("[data-refresh]").forEach(function (button) {
            const region = document.getElementById(button.getAttribute("data-refresh"));
            if (region && region.contains(document.activeElement)) {
                return;
            }
            button.click();
        });
    }, EVERY_MS);
})();
