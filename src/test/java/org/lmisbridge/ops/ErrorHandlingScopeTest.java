package org.lmisbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.lmisbridge.testsupport.BridgeHarness;

/** The shared error handling applies only to the routes that name it. */
class ErrorHandlingScopeTest {

    @Test
    void aRouteThatDoesNotOptInKeepsItsExceptionAndMakesNoDeadLetter() {
        try (BridgeHarness bridge = BridgeHarness.builder()
                .dhis2("http://127.0.0.1:" + BridgeHarness.freePort(), "admin", "pw12345").start()) {
            CamelExecutionException e = assertThrows(CamelExecutionException.class,
                    () -> bridge.producer().sendBody("direct:probe-without-error-handling", "x"));
            assertThat(e.getCause()).hasMessage("not handled here");
            assertThat(bridge.query("SELECT COUNT(*) AS n FROM dead_letter").get(0).get("n").toString()).isEqualTo("0");
        }
    }
}
