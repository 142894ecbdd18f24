package org.lmisbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;

/** The push settings fail fast, naming the setting, and default to the safe choice. */
class PushSettingsTest {

    private static PushSettings read(Map<String, String> p) {
        return PushSettings.read(new Settings(k -> Optional.ofNullable(p.get(k))));
    }

    @Test
    void defaultsAreSafeNothingActiveAndDryRun() {
        PushSettings s = read(Map.of());
        assertThat(s.production()).isFalse();
        assertThat(s.mapping().active()).isEmpty();
        assertThat(s.parallelBatches()).isEqualTo(2);
        assertThat(s.maxAttempts()).isEqualTo(5);
        assertThat(s.importQuery(true)).endsWith("importStrategy=CREATE_AND_UPDATE&dryRun=true");
    }

    @Test
    void aWrongSettingIsNamed() {
        assertThatThrownBy(() -> read(Map.of("push.type.stock-on-hand.active", "true")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("push.type.stock-on-hand.category-option-combo");
        assertThatThrownBy(() -> read(Map.of("push.mode", "data-element-per-item",
                "push.type.daily-closing.active", "true")))
                .hasMessageStartingWith("push.type.daily-closing.item-field");
        assertThatThrownBy(() -> read(Map.of("push.mode", "single-data-element",
                "push.type.daily-closing.active", "true", "push.type.daily-opening.active", "true")))
                .hasMessageStartingWith("push.mode");
        assertThatThrownBy(() -> read(Map.of("push.item-reference", "name"))).hasMessageStartingWith("push.item-reference");
        assertThatThrownBy(() -> read(Map.of("push.org-unit-id-scheme", "NAME"))).hasMessageStartingWith("push.org-unit-id-scheme");
        assertThatThrownBy(() -> read(Map.of("push.parallel-batches", "0"))).hasMessageStartingWith("push.parallel-batches");
        assertThatThrownBy(() -> read(Map.of("push.mode", "single-data-element", "push.type.expired.active", "true",
                "push.type.expired.interval", "hourly"))).hasMessageStartingWith("push.type.expired.interval");
    }
}
