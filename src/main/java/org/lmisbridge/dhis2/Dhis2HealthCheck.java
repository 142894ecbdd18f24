package org.lmisbridge.dhis2;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: DOWN while the last DHIS2 connection check failed (or none has run yet), with the
 * plain reason. Not a liveness check: a DHIS2 outage is no reason to restart the bridge.
 */
public class Dhis2HealthCheck extends AbstractHealthCheck {

    private final ConnectionCheck check;

    public Dhis2HealthCheck(ConnectionCheck check) {
        super("lmis-bridge", "dhis2");
        this.check = check;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ConnectionCheck.Status s = check.last();
        if (s == null) {
            builder.message("DHIS2 connection not checked yet").down();
        } else if (s.ok()) {
            builder.detail("dhis2.version", s.version()).detail("dhis2.user", s.username()).up();
        } else {
            builder.message(s.failure().kind() + ": " + s.failure().message()).down();
        }
    }
}
