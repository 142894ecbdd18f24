package org.lmisbridge.eod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;
import org.lmisbridge.testsupport.TestDatabases;

class EndOfDayConfigurationTest {

    private static Settings settings(Map<String, String> values) {
        return new Settings(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void theDefaultsGiveADailyRunInUtc() {
        EndOfDay eod = EndOfDayConfiguration.create(settings(Map.of()), TestDatabases.h2("eod-config"));
        assertThat(eod.zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void aWrongSettingStopsStartUpNamingIt() {
        assertThatThrownBy(() -> EndOfDayConfiguration.create(settings(Map.of("eod.time-zone", "Mars/Olympus")), null))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("eod.time-zone");
        assertThatThrownBy(() -> EndOfDayConfiguration.create(settings(Map.of("eod.cron", "every+night")), null))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("eod.cron");
        assertThatThrownBy(() -> EndOfDayConfiguration.create(settings(Map.of("eod.first-day", "1/11/2026")), null))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("eod.first-day");
        assertThatThrownBy(() -> EndOfDayConfiguration.create(settings(Map.of("eod.amc-months", "0")), null))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("eod.amc-months");
    }
}
