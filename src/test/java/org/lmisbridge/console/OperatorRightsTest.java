package org.lmisbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorRightsTest {

    private final OperatorRights rights = new OperatorRights("F_LMIS_BRIDGE_OPERATE", List.of("LMIS operators", "UgOps000001"));

    @Test
    void theConfiguredAuthorityOrAllMayAct() {
        assertThat(rights.mayAct(Set.of("F_DATAVALUE_ADD", "F_LMIS_BRIDGE_OPERATE"), Set.of())).isTrue();
        assertThat(rights.mayAct(Set.of("ALL"), Set.of())).isTrue();
        assertThat(rights.mayAct(Set.of("F_DATAVALUE_ADD"), Set.of("Data entry"))).isFalse();
    }

    @Test
    void membershipOfAConfiguredGroupByIdOrNameMayActAsReadFromApiMe() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(rights.mayAct(json.readTree("{\"authorities\":[\"F_DATAVALUE_ADD\"],"
                + "\"userGroups\":[{\"id\":\"UgOps000001\",\"name\":\"Night shift\"}]}"))).isTrue();
        assertThat(rights.mayAct(json.readTree("{\"authorities\":[],"
                + "\"userGroups\":[{\"id\":\"UgOther0001\",\"name\":\"LMIS operators\"}]}"))).isTrue();
        assertThat(rights.mayAct(json.readTree("{\"authorities\":[\"F_DATAVALUE_ADD\"],"
                + "\"userGroups\":[{\"id\":\"UgOther0001\",\"name\":\"Data entry\"}]}"))).isFalse();
        assertThat(rights.mayAct(json.readTree("{\"username\":\"x\"}"))).isFalse();
    }

    @Test
    void anEmptyAuthorityLeavesOnlyTheGroups() {
        OperatorRights groupsOnly = new OperatorRights("", List.of("LMIS operators"));
        assertThat(groupsOnly.mayAct(Set.of(""), Set.of())).isFalse();
        assertThat(groupsOnly.mayAct(Set.of(), Set.of("LMIS operators"))).isTrue();
    }
}
