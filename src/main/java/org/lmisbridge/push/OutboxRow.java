package org.lmisbridge.push;

/** A value read from the outbox to be sent. Absent combos are "". */
public record OutboxRow(long id, String dataElement, String period, String orgUnit, String categoryOptionCombo,
                        String attributeOptionCombo, String value, String comment, int attempts) {

    /**
     * Whether a conflict object (a reference DHIS2 names, as it was sent) is this value's: null when the kind is
     * not a field of a value (a user, a data set).
     */
    Boolean names(String kind, String ref) {
        return switch (kind) {
            case "dataElement" -> dataElement.equals(ref);
            case "period" -> period.equals(ref);
            case "organisationUnit", "orgUnit" -> orgUnit.equals(ref);
            case "categoryOptionCombo" -> categoryOptionCombo.equals(ref);
            case "attributeOptionCombo" -> attributeOptionCombo.equals(ref);
            default -> null;
        };
    }
}
