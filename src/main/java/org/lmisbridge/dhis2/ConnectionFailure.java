package org.lmisbridge.dhis2;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.lmisbridge.ops.SecretMasker;

/** Why a call to DHIS2 failed, named the way an operator thinks about it. */
public record ConnectionFailure(Kind kind, String message) {

    public enum Kind { UNREACHABLE, WRONG_CREDENTIALS, NOT_DHIS2, OTHER }

    /** The answer was not DHIS2's: not JSON, or JSON without the fields DHIS2 always sends. */
    public static class NotDhis2Exception extends RuntimeException {
        public NotDhis2Exception(String message) {
            super(message);
        }
    }

    public static ConnectionFailure classify(Throwable failure, String baseUrl, String who) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return fromStatus(http.getStatusCode(), http.getUri(), baseUrl, who);
            }
            if (t instanceof NotDhis2Exception notDhis2) {
                return new ConnectionFailure(Kind.NOT_DHIS2, baseUrl + " is not a DHIS2 server: "
                        + notDhis2.getMessage() + " (check dhis2.base-url)");
            }
            if (t instanceof UnknownHostException) {
                return new ConnectionFailure(Kind.UNREACHABLE, "DHIS2 host unknown: " + baseUrl + " (check dhis2.base-url)");
            }
            if (t instanceof ConnectException) {
                return new ConnectionFailure(Kind.UNREACHABLE, "DHIS2 unreachable at " + baseUrl + ": connection refused");
            }
            if (t instanceof SocketTimeoutException) {
                return new ConnectionFailure(Kind.UNREACHABLE, "DHIS2 at " + baseUrl + " did not answer in time");
            }
            if (t instanceof IOException io) {
                return new ConnectionFailure(Kind.UNREACHABLE, "DHIS2 unreachable at " + baseUrl + ": "
                        + SecretMasker.mask(String.valueOf(io.getMessage())));
            }
        }
        String detail = failure == null ? "unknown error" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new ConnectionFailure(Kind.OTHER, SecretMasker.mask(detail));
    }

    static ConnectionFailure fromStatus(int status, String uri, String baseUrl, String who) {
        if (status == 401 || status == 403 || status == 302) {
            return new ConnectionFailure(Kind.WRONG_CREDENTIALS, "DHIS2 at " + baseUrl + " rejected the credentials of "
                    + who + " (HTTP " + status + "); check dhis2.username and DHIS2_PASSWORD or DHIS2_API_TOKEN");
        }
        if (status >= 500 || status == 429) {
            return new ConnectionFailure(Kind.UNREACHABLE, "DHIS2 at " + baseUrl + " is unavailable (HTTP " + status + ")");
        }
        return new ConnectionFailure(Kind.NOT_DHIS2, baseUrl + " is not a DHIS2 server: HTTP " + status + " for "
                + SecretMasker.mask(uri) + " (check dhis2.base-url)");
    }
}
