package org.lmisbridge.sandbox;

import java.time.Instant;

/** A stored aggregate data value, as tests see it. All references are UIDs. */
public record DataValue(String dataElement, String period, String orgUnit, String categoryOptionCombo,
    String attributeOptionCombo, String value, String comment, String storedBy, Instant created,
    Instant lastUpdated, boolean followup) {}
