package org.lmisbridge.console;

/**
 * A console request answered with an error status instead of a result: 401 (not signed in, or the
 * session expired), 403 (the user may only read), 400 (bad parameters), 404 (unknown route), 409
 * (the action's route is not in this bridge), 502 (the action ran and failed).
 */
public class ConsoleRefusal extends RuntimeException {

    private final int status;

    public ConsoleRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
