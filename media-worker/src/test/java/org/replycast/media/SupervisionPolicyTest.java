package org.replycast.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a silent ffmpeg is given depends on whether it is stuck or only starved of CPU. */
class SupervisionPolicyTest {

    private final SupervisionPolicy policy = SupervisionPolicy.forLadder(HlsLadder.DEFAULT);

    @Test
    void aSilentFfmpegThatUsesNoCpuIsStuckAfterThreeSegmentsAndOneThatWorksIsGivenTwelve() {
        assertEquals(Duration.ofSeconds(3), policy.stallTimeout());
        assertEquals(Duration.ofSeconds(12), policy.busyStallTimeout());
        assertFalse(policy.isBusy(Duration.ZERO), "blocked on a camera that sends nothing");
        assertFalse(policy.isBusy(Duration.ofMillis(100)), "a few wake-ups");
        assertTrue(policy.isBusy(Duration.ofMillis(150)), "a twentieth of a core");
        assertTrue(policy.isBusy(Duration.ofSeconds(1)), "an encoder that is late");
    }

    @Test
    void restartsWaitHalfASecondThenLongerUpToFourSecondsSoAFailureIsFollowedByANewFfmpegWithinFive() {
        assertEquals(Duration.ofMillis(500), policy.backoffBefore(1));
        assertEquals(Duration.ofSeconds(2), policy.backoffBefore(3));
        assertEquals(Duration.ofSeconds(4), policy.backoffBefore(9));
    }
}
