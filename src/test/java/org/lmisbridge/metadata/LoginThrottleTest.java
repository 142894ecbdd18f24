package org.lmisbridge.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(10), clock);

    @Test
    void aUserIsBlockedAtTheLimitUntilTheOldestFailureLeavesTheWindow() {
        throttle.failed("Nurse", "10.0.0.1");
        clock.advance(Duration.ofMinutes(2));
        throttle.failed("nurse", "10.0.0.2");
        throttle.failed("nurse", "10.0.0.3");

        assertThat(throttle.blockedFor("NURSE", "10.0.0.9")).contains(Duration.ofMinutes(8));
        clock.advance(Duration.ofMinutes(8));
        assertThat(throttle.blockedFor("nurse", "10.0.0.9")).isEmpty();
    }

    @Test
    void anAddressIsBlockedWhateverTheUsername() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThat(throttle.blockedFor("someone-else", "10.0.0.1")).isPresent();
        assertThat(throttle.blockedFor("someone-else", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessClearsTheUsersFailures() {
        throttle.failed("clerk", "10.0.0.1");
        throttle.failed("clerk", "10.0.0.1");
        throttle.succeeded("clerk");
        throttle.failed("clerk", "10.0.0.1");
        assertThat(throttle.blockedFor("clerk", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresThatLeftTheWindowAreForgottenWhenManyNamesPileUp() {
        for (int i = 0; i < 10_001; i++) {
            throttle.failed("once-" + i, "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(11));
        throttle.failed("late", "10.0.0.2");
        assertThat(throttle.trackedKeys()).isEqualTo(2);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
