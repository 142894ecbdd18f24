package org.lmisbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.testsupport.BridgeHarness;

/** Wrong console.* and alerts.* settings stop start-up naming the setting. */
class ConsoleSettingsTest {

    private static String startupFailure(String key, String value) {
        Throwable t = BridgeHarness.builder()
                .dhis2("http://127.0.0.1:9", "admin", "pw").property(key, value).startupFailure();
        assertThat(t).isInstanceOf(InvalidSettingException.class);
        return t.getMessage();
    }

    @Test
    void aRecipientListWithCommasInsteadOfSemicolonsIsRefused() {
        assertThat(startupFailure("alerts.to", "ops@moh.example, lmis@moh.example")).startsWith("alerts.to:");
    }

    @Test
    void anSmtpUserWithoutAPasswordInTheEnvironmentIsRefused() {
        assertThat(startupFailure("alerts.smtp.username", "bridge")).startsWith("alerts.smtp.username:")
                .contains("ALERTS_SMTP_PASSWORD");
    }

    @Test
    void noAuthorityAndNoGroupSoNobodyCouldActIsRefused() {
        assertThat(startupFailure("console.action-authority", "NONE")).startsWith("console.action-authority:");
    }
}
