package org.lmisbridge.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions kept in memory: a random 256-bit token (the HttpOnly cookie's value) per signed-in
 * DHIS2 user. A session ends after {@code console.session-minutes} without use, or at sign-out; a
 * restart of the bridge ends them all.
 */
public final class ConsoleSessions {

    public static final String COOKIE = "lmis_bridge_console";

    /** A signed-in user: the DHIS2 username, a display name, and whether they may act. */
    public record Session(String token, String username, String displayName, boolean mayAct, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final boolean secure;
    private final Clock clock;

    /** secure: the cookie is sent over HTTPS only (set it when the console is served behind TLS). */
    public ConsoleSessions(Duration idle, boolean secure, Clock clock) {
        this.idle = idle;
        this.secure = secure;
        this.clock = clock;
    }

    public Session open(String username, String displayName, boolean mayAct) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session s = new Session(token, username, displayName, mayAct, clock.instant().plus(idle));
        sessions.put(token, s);
        forgetExpired();
        return s;
    }

    /** The live session of this token, its expiry moved on; empty when unknown or expired. */
    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = sessions.computeIfPresent(token, (k, old) -> old.expiresAt().isAfter(now)
                ? new Session(k, old.username(), old.displayName(), old.mayAct(), now.plus(idle)) : null);
        return Optional.ofNullable(s);
    }

    public void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    public Duration idle() {
        return idle;
    }

    /** The cookie's value from a Cookie request header, or null. */
    public static String tokenFrom(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }

    public String setCookie(Session s) {
        return COOKIE + "=" + s.token() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + idle.toSeconds()
                + (secure ? "; Secure" : "");
    }

    public static String clearCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !s.expiresAt().isAfter(now));
    }
}
