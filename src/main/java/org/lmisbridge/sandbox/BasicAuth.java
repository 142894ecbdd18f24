package org.lmisbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Authentication as DHIS2 2.42 answers it: preemptive Basic (no challenge on 401) or
 * {@code Authorization: ApiToken d2pat_...}. No credentials: 302 to the login page, or 401 JSON
 * for {@code X-Requested-With: XMLHttpRequest}.
 */
final class BasicAuth {
  private static final Pattern API_TOKEN = Pattern.compile("^ApiToken (?<token>[a-z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);

  private final MetadataStore metadata;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  BasicAuth(MetadataStore metadata) {
    this.metadata = metadata;
  }

  void addToken(String token, String username) {
    tokens.put(token, username);
  }

  /** The user, or the answer to send instead. */
  Object authenticate(Request r) {
    String auth = r.header("Authorization");
    if (auth == null || auth.isBlank()) {
      if ("XMLHttpRequest".equals(r.header("X-Requested-With"))) return Reply.error(401, "Unauthorized");
      return Reply.redirect(r.baseUrl + "/dhis-web-login/");
    }
    if (auth.regionMatches(true, 0, "apitoken", 0, 8)) return token(auth);
    if (!auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      if ("XMLHttpRequest".equals(r.header("X-Requested-With"))) return Reply.error(401, "Unauthorized");
      return Reply.redirect(r.baseUrl + "/dhis-web-login/");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Reply.error(401, "Unauthorized");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) return Reply.error(401, "Unauthorized");
    SandboxUser user = metadata.user(decoded.substring(0, colon));
    if (user == null || user.password() == null || !user.password().equals(decoded.substring(colon + 1))) {
      return Reply.error(401, "Unauthorized");
    }
    if (user.disabled()) return Reply.error(401, "Account disabled");
    return user;
  }

  private Object token(String header) {
    var m = API_TOKEN.matcher(header.trim());
    if (!m.matches()) return Reply.error(400, "Api token is malformed");
    String username = tokens.get(m.group("token"));
    if (username == null) return Reply.error(401, "The API token does not exists");
    SandboxUser user = metadata.user(username);
    if (user == null) return Reply.error(401, "The API token owner does not exists.");
    if (user.disabled()) return Reply.error(401, "The API token is disabled, locked or 2FA is enabled.");
    return user;
  }
}
