package org.lmisbridge.requisitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;
import org.lmisbridge.testsupport.BridgeHarness;

class RequisitionSettingsTest {

    private static RequisitionSettings read(String... keyValues) {
        Map<String, String> m = new HashMap<>(Map.of(
                "requisitions.program", "PrLmisOrd01",
                "requisitions.program-stage", "PsLmisOrd01",
                "requisitions.item-code-data-element", "DeItemCode1",
                "requisitions.quantity-data-element", "DeOrderQty1"));
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return RequisitionSettings.from(new Settings(k -> Optional.ofNullable(m.get(k))));
    }

    private static void refused(String key, String value, String... more) {
        String[] kv = new String[more.length + 2];
        kv[0] = key;
        kv[1] = value;
        System.arraycopy(more, 0, kv, 2, more.length);
        assertThatThrownBy(() -> read(kv)).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(key + ":");
    }

    @Test
    void theDefaultsAreADailyFetchOfWhatTheUserCanReachInPagesOf500WithAnHourOfOverlap() {
        RequisitionSettings s = read();
        assertThat(s.orgUnitMode()).isEqualTo("ACCESSIBLE");
        assertThat(s.orgUnit()).isEmpty();
        assertThat(s.pageSize()).isEqualTo(500);
        assertThat(s.overlapMinutes()).isEqualTo(60);
        assertThat(s.itemReference()).isEqualTo("code");
        assertThat(s.stockOnHandDataElement()).isEmpty();
        assertThat(read("requisitions.org-unit", "OuDistrictA").orgUnitMode())
                .as("an org unit alone means its facilities too, not DHIS2's SELECTED").isEqualTo("DESCENDANTS");
    }

    @Test
    void aWrongSettingStopsStartupNamingIt() {
        refused("requisitions.schedule-cron", "every day");
        refused("requisitions.schedule-time-zone", "Mars/Olympus");
        refused("requisitions.program", "LMIS_ORDER");
        refused("requisitions.quantity-data-element", "");
        refused("requisitions.stock-on-hand-data-element", "soh");
        refused("requisitions.page-size", "0");
        refused("requisitions.overlap-minutes", "an hour");
        refused("requisitions.org-unit-mode", "EVERYWHERE");
        refused("requisitions.org-unit-mode", "DESCENDANTS");
        refused("requisitions.item-reference", "barcode");
        refused("requisitions.first-run-from", "last year");
    }

    @Test
    void theBridgeDoesNotStartWithABadSchedule() {
        Throwable t = BridgeHarness.builder()
                .dhis2("http://127.0.0.1:9", "admin", "pw")
                .property("requisitions.schedule-cron", "0 0 25 * * ?").startupFailure();
        assertThat(t).isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("requisitions.schedule-cron:");
    }
}
