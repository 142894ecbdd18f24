package org.lmisbridge.dhis2;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.lmisbridge.config.InvalidSettingException;

/**
 * How the bridge authenticates to DHIS2: Basic (sent preemptively, since DHIS2 answers 401 without a
 * challenge) or a personal access token ({@code Authorization: ApiToken d2pat_...}). The secret comes
 * from the environment and never leaves this object except as the header value.
 */
public final class Dhis2Auth {

    public enum Kind { BASIC, TOKEN }

    private final Kind kind;
    private final String username;
    private final String headerValue;

    private Dhis2Auth(Kind kind, String username, String headerValue) {
        this.kind = kind;
        this.username = username;
        this.headerValue = headerValue;
    }

    public static Dhis2Auth basic(String username, String password) {
        if (username == null || username.isBlank()) {
            throw new InvalidSettingException("dhis2.username", "is required for dhis2.auth=basic");
        }
        if (password == null || password.isEmpty()) {
            throw new InvalidSettingException("DHIS2_PASSWORD",
                    "environment variable is required for dhis2.auth=basic (the password is never read from files)");
        }
        String raw = username + ":" + password;
        return new Dhis2Auth(Kind.BASIC, username,
                "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

    public static Dhis2Auth token(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidSettingException("DHIS2_API_TOKEN", "environment variable is required for dhis2.auth=token");
        }
        if (!token.startsWith("d2pat_")) {
            throw new InvalidSettingException("DHIS2_API_TOKEN", "is not a DHIS2 personal access token (d2pat_...)");
        }
        return new Dhis2Auth(Kind.TOKEN, null, "ApiToken " + token);
    }

    public Kind kind() {
        return kind;
    }

    /** The user name for Basic auth; null for a token, whose user DHIS2 reports through /api/me. */
    public String username() {
        return username;
    }

    public String headerValue() {
        return headerValue;
    }

    @Override
    public String toString() {
        return kind == Kind.BASIC ? "Basic auth as " + username : "personal access token";
    }
}
