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

    private final int maximumRedeliveries;

    public RetryPolicy(int maximumRedeliveries) {
        this.maximumRedeliveries = maximumRedeliveries;
    }

    public int maximumRedeliveries() {
        return maximumRedeliveries;
    }

    /** Called before each redelivery: true to try again. */
    public boolean shouldRetry(Exchange exchange) {
        Integer counter = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        int done = counter == null ? 0 : counter;
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
