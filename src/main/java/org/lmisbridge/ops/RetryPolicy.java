package org.lmisbridge.ops;

import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * What the shared error handling retries. I/O failures (refused or reset connections, timeouts,
 * truncated answers), 5xx and 429 are worth another try; any other 4xx will answer the same way
 * again, so it goes straight to the dead letters. Used as the {@code retryWhile} of the
 * {@code bridge-error-handling} route configuration.
 */
public class RetryPolicy {

    /** Exchange property: the attempts made so far, kept where the dead-letter store finds it. */
    public static final String ATTEMPTS = "bridgeAttempts";

    private final int maximumRedeliveries;

    public RetryPolicy(int maximumRedeliveries) {
        this.maximumRedeliveries = maximumRedeliveries;
    }

    public int maximumRedeliveries() {
        return maximumRedeliveries;
    }

    /**
     * Called after each failed delivery with the number of the redelivery being considered in
     * {@code CamelRedeliveryCounter} (1 after the first failure): true to make it.
     */
    public boolean shouldRetry(Exchange exchange) {
        Integer counter = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        int done = counter == null ? 0 : counter;
        exchange.setProperty(ATTEMPTS, Math.max(1, done));
        Throwable failure = exchange.getException();
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        return done <= maximumRedeliveries && isRetryable(failure);
    }

    public static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return isRetryableStatus(http.getStatusCode());
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    public static boolean isRetryableStatus(int status) {
        return status == 429 || status >= 500;
    }
}
