package org.replycast.problem;

import java.util.function.Supplier;

/**
 * Runs work on entities, which refuse a broken rule with an {@link IllegalArgumentException} naming the
 * field, and turns that refusal into an {@code invalid} problem for the client.
 */
public final class EntityRules {

    private EntityRules() {}

    /** Returns what the action builds, or throws {@code invalid} with the entity's message. */
    public static <T> T enforce(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException broken) {
            throw new ProblemException(ProblemType.INVALID, broken.getMessage());
        }
    }

    /** Runs the action, or throws {@code invalid} with the entity's message. */
    public static void enforce(Runnable action) {
        enforce(() -> {
            action.run();
            return null;
        });
    }
}
