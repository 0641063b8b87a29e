// The dashboard's live thumbnails: each <video data-live> plays its channel's ladder muted, at the smallest
// rendition (hls.js caps the level to the player's size), through the console's own /console/live/ path.
// A channel that is not live yet is tried again every 15 s.
(function () {
    "use strict";
    const RETRY_MS = 15000;

    function play(video) {
        const source = video.getAttribute("data-live");
        if (!window.Hls || !Hls.isSupported()) {
            video.src = source; // Safari plays HLS itself
            video.play().catch(function () {});
            return;
        }
        const hls = new Hls({capLevelToPlayerSize: true, startLevel: -1, maxBufferLength: 4, liveSyncDurationCount: 2});
        hls.on(Hls.Events.ERROR, function (event, data) {
            if (data.fatal) {
                hls.destroy();
                setTimeout(function () { play(video); }, RETRY_MS);
            }
        });
        hls.on(Hls.Events.MANIFEST_PARSED, function () {
            video.play().catch(function () {});
        });
        hls.loadSource(source);
        hls.attachMedia(video);
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("video[data-live]").forEach(play);
    });
})();
