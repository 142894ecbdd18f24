package org.lmisbridge.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lmisbridge.testsupport.BridgeHarness;

class MetadataSettingsTest {

    @Test
    void anUnknownStoreMatchStopsStartupNamingTheSetting() {
        Throwable t = BridgeHarness.builder().dhis2("http://127.0.0.1:9", "admin", "pw")
                .property("metadata.store-match", "name").startupFailure();
        assertThat(t.getMessage()).startsWith("metadata.store-match:").contains("'name'");
    }

    @Test
    void creatingStoresWithoutAFacilityLevelIsRefused() {
        Throwable t = BridgeHarness.builder().dhis2("http://127.0.0.1:9", "admin", "pw")
                .property("metadata.create-stores", "true").startupFailure();
        assertThat(t.getMessage()).startsWith("metadata.facility-level:");
    }
}
