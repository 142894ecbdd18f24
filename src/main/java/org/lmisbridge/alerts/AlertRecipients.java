package org.lmisbridge.alerts;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.List;
import org.lmisbridge.config.InvalidSettingException;

/** The addresses alerts go to: a {@code ;}-separated list, as mSupply's error e-mail setting takes it. */
public final class AlertRecipients {

    private AlertRecipients() {
    }

    /** Each address checked; blanks between separators ignored; an empty list turns alerts off. */
    public static List<String> parse(String setting, String value) {
        List<String> addresses = Arrays.stream(value == null ? new String[0] : value.split(";"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String a : addresses) {
            try {
                new InternetAddress(a, true).validate();
            } catch (AddressException e) {
                throw new InvalidSettingException(setting, "'" + a + "' is not an e-mail address");
            }
        }
        return addresses;
    }
}
