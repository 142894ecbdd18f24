package org.lmisbridge.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.testsupport.BridgeHarness;

class MetadataSettingsTest {

    private static Throwable startupFailure(BridgeHarness.Builder builder) {
        Throwable t = assertThrows(Throwable.class, builder::start);
        while (t.getCause() != null && !(t instanceof InvalidSettingException)) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void anUnknownStoreMatchStopsStartupNamingTheSetting() {
        Throwable t = startupFailure(BridgeHarness.builder().dhis2("http://127.0.0.1:9", "admin", "pw")
                .property("metadata.store-match", "name"));
        assertThat(t.getMessage()).startsWith("metadata.store-match:").contains("'name'");
    }

    @Test
    void creatingStoresWithoutAFacilityLevelIsRefused() {
        Throwable t = startupFailure(BridgeHarness.builder().dhis2("http://127.0.0.1:9", "admin", "pw")
                .property("metadata.create-stores", "true"));
        assertThat(t.getMessage()).startsWith("metadata.facility-level:");
    }
}
