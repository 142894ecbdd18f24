package org.lmisbridge.metadata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username and per client address over a sliding window, in memory (a
 * restart forgets them; several bridge instances each count their own). When either count reaches
 * its limit, further attempts are refused until the oldest failure in the window has aged out.
 */
public final class LoginThrottle {

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private static final int MAX_KEYS = 10_000;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxPerUser, int maxPerAddress, Duration window, Clock clock) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long this username or address must wait, or empty when it may try. */
    public Optional<Duration> blockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        wait = max(wait, waitFor(userKey(username), maxPerUser, now));
        wait = max(wait, waitFor(addressKey(address), maxPerAddress, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            forgetExpired(now);
        }
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            failures.compute(key, (k, times) -> {
                Deque<Instant> t = times == null ? new ArrayDeque<>() : times;
                prune(t, now);
                t.addLast(now);
                return t;
            });
        }
    }

    /** A successful login clears the user's failures (not the address's). */
    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Duration[] wait = {Duration.ZERO};
        failures.computeIfPresent(key, (k, times) -> {
            prune(times, now);
            if (times.size() >= limit) {
                Instant[] sorted = times.toArray(new Instant[0]);
                Instant freedAt = sorted[times.size() - limit].plus(window);
                wait[0] = Duration.between(now, freedAt);
            }
            return times.isEmpty() ? null : times;
        });
        return wait[0];
    }

    /** Keys whose failures all left the window are dropped, so many one-off names cannot fill memory. */
    private void forgetExpired(Instant now) {
        for (String key : failures.keySet()) {
            failures.computeIfPresent(key, (k, times) -> {
                prune(times, now);
                return times.isEmpty() ? null : times;
            });
        }
    }

    int trackedKeys() {
        return failures.size();
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.pollFirst();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
