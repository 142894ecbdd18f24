package org.lmisbridge.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lmisbridge.config.InvalidSettingException;

class AlertDigestTest {

    private static final Instant AT = Instant.parse("2026-11-22T03:10:00Z");

    @Test
    void recipientsAreASemicolonSeparatedListAndABadAddressNamesTheSetting() {
        assertThat(AlertRecipients.parse("alerts.to", " ops@moh.example;lmis@moh.example ; ;"))
                .containsExactly("ops@moh.example", "lmis@moh.example");
        assertThat(AlertRecipients.parse("alerts.to", "")).isEmpty();
        assertThatThrownBy(() -> AlertRecipients.parse("alerts.to", "ops@moh.example, lmis@moh.example"))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("alerts.to");
    }

    @Test
    void aLongListIsCutButCounted() {
        List<AlertDigest.Item> dead = IntStream.range(0, 60)
                .mapToObj(i -> new AlertDigest.Item(AT, "datavalue-push-batch", "HTTP 409 value " + i)).toList();
        AlertDigest digest = new AlertDigest(dead, List.of(), null, 50);

        assertThat(digest.subject("[LMIS bridge]")).isEqualTo("[LMIS bridge] 60 dead letters");
        String text = digest.text("http://bridge:8081/console");
        assertThat(text).contains("New dead letters").contains(": 60").contains("HTTP 409 value 49")
                .doesNotContain("HTTP 409 value 50").contains("and 10 more").contains("http://bridge:8081/console");
    }

    @Test
    void theSubjectSaysWhatWentWrong() {
        AlertDigest digest = new AlertDigest(List.of(new AlertDigest.Item(AT, "rts-post-tracker", "HTTP 503")),
                List.of(new AlertDigest.Item(AT, "requisition-fetch (schedule)", "HTTP 503")),
                new AlertDigest.Item(AT, "WRONG_CREDENTIALS", "DHIS2 refused user bridge"), 50);
        assertThat(digest.count()).isEqualTo(3);
        assertThat(digest.subject("[x]")).isEqualTo("[x] DHIS2 connection failing, 1 failed run, 1 dead letter");
        assertThat(digest.text("u")).contains("2026-11-22 03:10:00 UTC").contains("WRONG_CREDENTIALS");
        assertThat(new AlertDigest(List.of(), List.of(), null, 50).isEmpty()).isTrue();
    }
}
