// Shows each <time data-local-time> of a console page in the reader's own time zone, named, to the second; the
// server's UTC text stays as the tooltip. Regions that a refresh re-renders are shown the same way.
(function () {
    "use strict";
    const format = new Intl.DateTimeFormat(undefined, {
        year: "numeric", month: "short", day: "numeric",
        hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
        timeZoneName: "short"
    });

    function localize(root) {
        root.querySelectorAll("time[data-local-time]:not([data-localized])").forEach(function (time) {
            const instant = new Date(time.getAttribute("datetime"));
            if (isNaN(instant)) {
                return;
            }
            time.title = time.textContent;
            time.textContent = format.format(instant);
            time.setAttribute("data-localized", "");
        });
    }

    localize(document);
    new MutationObserver(function () {
        localize(document);
    }).observe(document.body, {childList: true, subtree: true});
})();
