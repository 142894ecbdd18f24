package org.lmisbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.lmisbridge.testsupport.BridgeHarness;
import org.junit.jupiter.api.Test;

class ConfigurationFailsFastTest {

    @Test
    void aBaseUrlThatIsNotAUrlStopsStartupNamingTheSetting() {
        Throwable t = BridgeHarness.builder().dhis2("not a url", "admin", "pw").startupFailure();
        assertThat(t).isInstanceOf(InvalidSettingException.class);
        assertThat(t.getMessage()).startsWith("dhis2.base-url:").contains("not a url");
    }

    @Test
    void aNonNumericRetryCountStopsStartupNamingTheSetting() {
        Throwable t = BridgeHarness.builder().dhis2("http://127.0.0.1:9", "admin", "pw")
                .property("bridge.retry.max-redeliveries", "many").startupFailure();
        assertThat(t.getMessage()).startsWith("bridge.retry.max-redeliveries:").contains("'many'");
    }

    @Test
    void aMissingPasswordNamesTheEnvironmentVariable() {
        Throwable t = BridgeHarness.builder().property("dhis2.base-url", "http://127.0.0.1:9").startupFailure();
        assertThat(t.getMessage()).startsWith("DHIS2_PASSWORD:");
    }

    @Test
    void aTokenThatIsNotAPersonalAccessTokenIsRefused() {
        Throwable t = BridgeHarness.builder().property("dhis2.base-url", "http://127.0.0.1:9")
                .property("dhis2.auth", "token").env("DHIS2_API_TOKEN", "abcdef").startupFailure();
        assertThat(t.getMessage()).startsWith("DHIS2_API_TOKEN:").doesNotContain("abcdef");
    }

    @Test
    void anUnknownAuthKindIsRefused() {
        Throwable t = BridgeHarness.builder().dhis2("http://127.0.0.1:9", "admin", "pw")
                .property("dhis2.auth", "kerberos").startupFailure();
        assertThat(t.getMessage()).startsWith("dhis2.auth:").contains("kerberos");
    }

    @Test
    void productionWithTheSandboxIsRefused() {
        Throwable t = BridgeHarness.builder().dhis2("http://127.0.0.1:9", "admin", "pw")
                .property("bridge.production", "true").property("bridge.sandbox.enabled", "true").startupFailure();
        assertThat(t.getMessage()).startsWith("bridge.production:");
    }

    @Test
    void aDatabaseUrlThatIsNotJdbcIsRefusedNamingTheSetting() {
        Throwable t = BridgeHarness.builder().dhis2("http://127.0.0.1:9", "admin", "pw")
                .property("bridge.db.url", "mysql://nowhere").startupFailure();
        assertThat(t.getMessage()).contains("bridge.db.url");
    }
}
