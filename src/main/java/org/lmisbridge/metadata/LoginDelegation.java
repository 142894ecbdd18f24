package org.lmisbridge.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the {@code login} route: read {@code {"username","password"}}, refuse throttled
 * attempts, put the user's own Basic credentials on the exchange for the one {@code /api/me} call,
 * and turn DHIS2's answer into 200 (profile), 401 (no hint why), 429 or 503.
 *
 * <p>The password only ever lives in the Authorization header of that exchange: the request body is
 * dropped as soon as it is read, the header is removed right after the call, nothing here logs
 * either, and nothing is stored.
 */
public class LoginDelegation {

    public static final String ME_QUERY = "fields=id,username,firstName,surname,email,phoneNumber,"
            + "organisationUnits%5Bid,code,name,level,path%5D";
    private static final Logger LOG = LoggerFactory.getLogger(LoginDelegation.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";
    private static final String USERNAME = "loginUsername";
    private static final String ADDRESS = "loginAddress";
    private static final String ASK = "loginAsk";

    private final LoginThrottle throttle;

    public LoginDelegation(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /**
     * Reads the credentials. Sets the exchange property {@code loginAsk} to true when DHIS2 is to be
     * asked (the exchange then carries only the headers of that call); false when the answer is
     * already on the exchange (400 or 429).
     */
    public void prepare(Exchange exchange) {
        exchange.setProperty(ASK, askDhis2(exchange));
    }

    private boolean askDhis2(Exchange exchange) {
        Message in = exchange.getMessage();
        String address = clientAddress(in.getHeader(REMOTE_ADDRESS));
        String username;
        String password;
        try {
            JsonNode body = JSON.readTree(in.getBody(String.class));
            username = body == null ? null : text(body.get("username"));
            password = body == null ? null : text(body.get("password"));
        } catch (Exception e) {
            username = null;
            password = null;
        }
        in.setBody(null);
        if (username == null || password == null || username.indexOf(':') >= 0) {
            reply(exchange, 400, error("Send {\"username\": ..., \"password\": ...} as JSON"));
            return false;
        }
        Optional<Duration> blocked = throttle.blockedFor(username, address);
        if (blocked.isPresent()) {
            long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
            LOG.warn("Login for {} from {} refused: too many failed attempts, {} s to wait", username, address, seconds);
            reply(exchange, 429, error("Too many failed logins; try again in " + seconds + " seconds"));
            in.setHeader("Retry-After", String.valueOf(seconds));
            return false;
        }
        exchange.setProperty(USERNAME, username);
        exchange.setProperty(ADDRESS, address);
        // A fresh message: nothing of the client's request (headers, cookies, its path) goes to DHIS2.
        in = new DefaultMessage(exchange);
        exchange.setMessage(in);
        in.setHeader(Exchange.HTTP_METHOD, "GET");
        in.setHeader(Exchange.HTTP_QUERY, ME_QUERY);
        // the request came in on /api/login: the http producer would otherwise append that path
        in.setHeader(Exchange.HTTP_PATH, "");
        in.setHeader("Accept", "application/json");
        in.setHeader("X-Requested-With", "XMLHttpRequest");
        in.setHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return true;
    }

    /** DHIS2 answered: 200 is the profile, 401/403 a failed login, anything else DHIS2 unavailable. */
    public void answer(Exchange exchange) {
        Message in = exchange.getMessage();
        in.removeHeader("Authorization");
        String username = exchange.getProperty(USERNAME, String.class);
        String address = exchange.getProperty(ADDRESS, String.class);
        int status = in.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status == 200) {
            ObjectNode profile = profile(in.getBody(String.class), username);
            if (profile != null) {
                throttle.succeeded(username);
                LOG.info("Login for {} from {} accepted by DHIS2", username, address);
                reply(exchange, 200, profile);
                return;
            }
            status = 502;
        }
        if (status == 401 || status == 403) {
            throttle.failed(username, address);
            LOG.info("Login for {} from {} refused by DHIS2", username, address);
            reply(exchange, 401, error("Invalid username or password"));
            return;
        }
        LOG.warn("Login for {} not checked: DHIS2 answered HTTP {}", username, status);
        reply(exchange, 503, error("DHIS2 cannot check logins just now; try again later"));
    }

    /** DHIS2 could not be reached at all (refused, timed out, reset). */
    public void unreachable(Exchange exchange) {
        exchange.getMessage().removeHeader("Authorization");
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn("Login for {} not checked: DHIS2 unreachable ({})", exchange.getProperty(USERNAME),
                e == null ? "?" : e.getClass().getSimpleName());
        reply(exchange, 503, error("DHIS2 cannot check logins just now; try again later"));
    }

    private static ObjectNode profile(String body, String username) {
        try {
            JsonNode me = JSON.readTree(body);
            if (me == null || !me.hasNonNull("username") || !me.hasNonNull("id")) {
                return null;
            }
            ObjectNode out = JSON.createObjectNode();
            out.put("id", me.get("id").asText());
            out.put("username", me.get("username").asText());
            for (String f : new String[] {"firstName", "surname", "email", "phoneNumber"}) {
                out.put(f, text(me.get(f)));
            }
            ArrayNode units = out.putArray("organisationUnits");
            for (JsonNode ou : me.path("organisationUnits")) {
                ObjectNode u = units.addObject();
                for (String f : new String[] {"id", "code", "name", "path"}) {
                    u.put(f, text(ou.get(f)));
                }
                if (ou.hasNonNull("level")) {
                    u.put("level", ou.get("level").asInt());
                }
            }
            return out;
        } catch (Exception e) {
            LOG.warn("Login for {}: DHIS2's /api/me answer is not a profile", username);
            return null;
        }
    }

    private static void reply(Exchange exchange, int status, JsonNode body) {
        Message in = exchange.getMessage();
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setBody(body.toString());
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.asText().isEmpty() ? null : n.asText();
    }

    static String clientAddress(Object remote) {
        if (remote instanceof io.vertx.core.net.SocketAddress socket) {
            return socket.hostAddress() != null ? socket.hostAddress() : socket.host();
        }
        return remote == null ? "unknown" : remote.toString();
    }
}
