package org.lmisbridge.alerts;

import java.util.List;

/** The alerts.* settings the digest needs (the SMTP ones go to the mail component). */
public record AlertSettings(List<String> to, String from, String subjectPrefix, String consoleUrl, int shownPerKind) {
}
