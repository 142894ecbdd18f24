package org.lmisbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void aRegisteredSecretIsMaskedWhereverItAppears() {
        SecretMasker.register("Tr0ub4dor&3");
        assertThat(SecretMasker.mask("login failed for admin/Tr0ub4dor&3 at dhis2"))
                .doesNotContain("Tr0ub4dor&3").contains(SecretMasker.MASK);
    }

    @Test
    void authorizationHeaderValuesAreMaskedWhateverTheirValue() {
        assertThat(SecretMasker.mask("Authorization: Basic YWRtaW46ZGlzdHJpY3Q="))
                .doesNotContain("YWRtaW46ZGlzdHJpY3Q=");
        assertThat(SecretMasker.mask("header ApiToken d2pat_abcdefghijklmnop1234 sent"))
                .doesNotContain("abcdefghijklmnop1234");
    }

    @Test
    void passwordAndTokenAssignmentsAreMasked() {
        assertThat(SecretMasker.mask("jdbc:postgresql://db/bridge?user=x&password=hunter22"))
                .doesNotContain("hunter22").contains("password=" + SecretMasker.MASK);
        assertThat(SecretMasker.mask("{\"password\": \"hunter22\"}")).doesNotContain("hunter22");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "Posted 200 values to DHIS2 2.42.4.1 for period 202403";
        assertThat(SecretMasker.mask(text)).isEqualTo(text);
    }
}
