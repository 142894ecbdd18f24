package org.lmisbridge.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may act in the console: a DHIS2 user holding the configured authority (or DHIS2's {@code ALL},
 * the superuser authority) or belonging to one of the configured user groups (by id or name).
 * Everyone else signed in may read.
 */
public final class OperatorRights {

    private final String authority;
    private final Set<String> groups;

    public OperatorRights(String authority, List<String> groups) {
        this.authority = authority;
        this.groups = Set.copyOf(groups);
    }

    /** Reads {@code authorities} and {@code userGroups[id,name]} of a DHIS2 {@code /api/me} answer. */
    public boolean mayAct(JsonNode me) {
        Set<String> held = new LinkedHashSet<>();
        me.path("authorities").forEach(a -> held.add(a.asText()));
        Set<String> memberOf = new LinkedHashSet<>();
        for (JsonNode g : me.path("userGroups")) {
            if (g.hasNonNull("id")) {
                memberOf.add(g.get("id").asText());
            }
            if (g.hasNonNull("name")) {
                memberOf.add(g.get("name").asText());
            }
        }
        return mayAct(held, memberOf);
    }

    public boolean mayAct(Set<String> authorities, Set<String> userGroups) {
        if (authorities.contains("ALL") || (!authority.isEmpty() && authorities.contains(authority))) {
            return true;
        }
        return userGroups.stream().anyMatch(groups::contains);
    }

    @Override
    public String toString() {
        return "authority " + authority + (groups.isEmpty() ? "" : " or user group in " + groups);
    }
}
