package org.replycast.call;

import java.util.Arrays;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/** What the call resources read from a request besides its body and its caller: the state filter. */
final class CallParameters {

    private CallParameters() {}

    /** The {@code state} query parameter; null when it is absent or empty. */
    static CallState state(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return CallState.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw new ProblemException(
                    ProblemType.INVALID, "state must be one of " + Arrays.toString(CallState.values()) + ".");
        }
    }
}
