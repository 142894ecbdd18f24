package org.lmisbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        private Instant now = Instant.parse("2026-11-22T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void aSessionLastsWhileUsedAndEndsAfterTheIdleMinutes() {
        Hand clock = new Hand();
        ConsoleSessions sessions = new ConsoleSessions(Duration.ofMinutes(30), false, clock);
        ConsoleSessions.Session s = sessions.open("ops", "Ops", true);

        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertThat(sessions.find(s.token())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertThat(sessions.find(s.token())).as("used 20 min ago").isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertThat(sessions.find(s.token())).as("idle 31 min").isEmpty();
    }

    @Test
    void tokensAreRandomAndTheCookieIsHttpOnly() {
        ConsoleSessions sessions = new ConsoleSessions(Duration.ofMinutes(30), false, new Hand());
        ConsoleSessions.Session a = sessions.open("ops", "Ops", true);
        ConsoleSessions.Session b = sessions.open("ops", "Ops", true);
        assertThat(a.token()).isNotEqualTo(b.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(sessions.setCookie(a)).contains("HttpOnly").contains("SameSite=Strict").contains("Max-Age=1800")
                .doesNotContain("Secure");
        assertThat(new ConsoleSessions(Duration.ofMinutes(30), true, new Hand()).setCookie(a)).endsWith("; Secure");
        assertThat(ConsoleSessions.tokenFrom("theme=dark; " + ConsoleSessions.COOKIE + "=" + a.token() + "; x=1"))
                .isEqualTo(a.token());
        assertThat(ConsoleSessions.tokenFrom("theme=dark")).isNull();
        sessions.close(a.token());
        assertThat(sessions.find(a.token())).isEmpty();
        assertThat(sessions.find(b.token())).isPresent();
    }
}
