package org.lmisbridge.ops;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Brings the outcome of a call to a route under the shared error handling ({@code bridge-error-handling}) back to
 * the route that made it, when the call is made with {@code enrich} and this strategy.
 * <p>
 * Called with {@code to}, a failure that the shared handling gives up on (dead-lettered, handled) also ends every
 * calling route on the spot: the run never reaches its last step, its {@code flow_run} row stays RUNNING and its
 * caller gets back whatever body the exchange held. Called through {@code enrich}, only a copy of the exchange goes
 * through the called route, and here the calling exchange learns whether the call was given up on: the copy was
 * dead-lettered ({@link DeadLetters#DEAD_LETTERED}), or failed outside the shared handling. It is then marked
 * {@link DeadLetters#DEAD_LETTERED} too (so a dead-letter replay of the whole run stays NEW when it fails again),
 * and the flow is told, with the reason as dead_letter words it; the flow decides whether to go on. The calling
 * exchange keeps its own message either way. A redelivery that succeeded is not a failure: Camel leaves
 * {@link Exchange#EXCEPTION_CAUGHT} set after it, so that property alone says nothing.
 * <p>
 * Properties set by the called route stay on the copy; a flow keeps what a call changes in an object the copy shares
 * with the caller (its run) and reads it back in the {@link Listener}.
 */
public final class CallOutcome implements AggregationStrategy {

    /** What a flow does with the outcome of one call. */
    @FunctionalInterface
    public interface Listener {

        /**
         * @param caller  the calling exchange (its message untouched)
         * @param givenUp null when the call went through; else why it was given up (masked, as in dead_letter)
         */
        void outcome(Exchange caller, String givenUp);
    }

    private final Listener listener;

    public CallOutcome(Listener listener) {
        this.listener = listener;
    }

    @Override
    public Exchange aggregate(Exchange caller, Exchange called) {
        String givenUp = null;
        if (givenUp(caller, called)) {
            Throwable cause = called.getException() != null ? called.getException()
                    : called.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            givenUp = DeadLetters.reason(cause);
            caller.setProperty(DeadLetters.DEAD_LETTERED, true);
        }
        listener.outcome(caller, givenUp);
        return caller;
    }

    /**
     * True when the call failed: an exception the called route did not handle, or a dead letter made during this
     * call (the copy starts with the caller's properties, so a caller already marked tells nothing new).
     */
    static boolean givenUp(Exchange caller, Exchange called) {
        if (called.getException() != null) {
            return true;
        }
        return called.getProperty(DeadLetters.DEAD_LETTERED, false, Boolean.class)
                && !caller.getProperty(DeadLetters.DEAD_LETTERED, false, Boolean.class);
    }
}
