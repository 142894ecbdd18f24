package org.lmisbridge.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.lmisbridge.metadata.LoginDelegation;

/**
 * The console's door: sign-in through the login delegation of F1 (the same throttle, the user's own
 * credentials checked by DHIS2's {@code /api/me}, which here also answers the user's authorities and
 * user groups), sessions in an HttpOnly cookie, and the check in front of every console endpoint.
 */
public class ConsoleAccess {

    public static final String SESSION = "consoleSession";
    /** What the console asks /api/me for: enough to name the user and decide whether they may act. */
    public static final String ME_QUERY = "fields=id,username,firstName,surname,authorities,userGroups%5Bid,name%5D";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsoleSessions sessions;
    private final OperatorRights rights;
    private final OperatorLog log;
    private final LoginDelegation login;

    public ConsoleAccess(ConsoleSessions sessions, OperatorRights rights, OperatorLog log, LoginDelegation login) {
        this.sessions = sessions;
        this.rights = rights;
        this.log = log;
        this.login = login;
    }

    /** Before the /api/me call of a sign-in: ask for authorities and user groups too. */
    public void askForRights(Exchange exchange) {
        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, ME_QUERY);
    }

    /** After DHIS2 answered a sign-in: F1 decides 200/401/503; on 200 a session is opened. */
    public void signedIn(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String me = in.getBody(String.class);
        in.setBody(me);
        login.answer(exchange);
        int status = in.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != 200) {
            return;
        }
        JsonNode profile = JSON.readTree(me);
        String username = profile.path("username").asText();
        String name = (profile.path("firstName").asText("") + " " + profile.path("surname").asText("")).trim();
        boolean mayAct = rights.mayAct(profile);
        ConsoleSessions.Session s = sessions.open(username, name.isEmpty() ? username : name, mayAct);
        log.record(username, "sign-in", Map.of(), "OK", mayAct ? "may act" : "read only");
        in.setHeader("Set-Cookie", sessions.setCookie(s));
        in.setBody(JSON.writeValueAsString(describe(s)));
    }

    public void signOut(Exchange exchange) {
        Message in = exchange.getMessage();
        String token = ConsoleSessions.tokenFrom(in.getHeader("Cookie", String.class));
        sessions.find(token).ifPresent(s -> log.record(s.username(), "sign-out", Map.of(), "OK", null));
        sessions.close(token);
        in.removeHeaders("*");
        in.setHeader("Set-Cookie", ConsoleSessions.clearCookie());
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setBody("{\"signedIn\":false}");
    }

    /** Any signed-in user: the session goes on the exchange; 401 otherwise. */
    public void reader(Exchange exchange) {
        Message in = exchange.getMessage();
        ConsoleSessions.Session s = sessions.find(ConsoleSessions.tokenFrom(in.getHeader("Cookie", String.class)))
                .orElseThrow(() -> new ConsoleRefusal(401, "Sign in with your DHIS2 username and password"));
        exchange.setProperty(SESSION, s);
    }

    /** Only users who may act; the refusal of a signed-in reader is logged. The body becomes a Map. */
    public void operator(Exchange exchange) throws Exception {
        reader(exchange);
        ConsoleSessions.Session s = exchange.getProperty(SESSION, ConsoleSessions.Session.class);
        String action = exchange.getFromRouteId().replaceFirst("^console-action-", "");
        Map<String, Object> body = parameters(exchange.getMessage().getBody(String.class));
        if (!s.mayAct()) {
            log.record(s.username(), action, body, "DENIED", "needs " + rights);
            throw new ConsoleRefusal(403, "You may look but not act: acting needs the DHIS2 " + rights);
        }
        exchange.getMessage().setBody(body);
    }

    /** GET /console/api/me: who is signed in, or 401. */
    public Map<String, Object> whoAmI(Exchange exchange) {
        reader(exchange);
        return describe(exchange.getProperty(SESSION, ConsoleSessions.Session.class));
    }

    /** The refusal's status and message as the answer. */
    public void refused(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConsoleRefusal) {
                t = c;
                break;
            }
        }
        int status = t instanceof ConsoleRefusal r ? r.status() : 500;
        String message = t == null ? "failed" : t.getMessage();
        Message in = exchange.getMessage();
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setBody(JSON.createObjectNode().put("error", message == null ? t.getClass().getSimpleName() : message)
                .toString());
    }

    private Map<String, Object> describe(ConsoleSessions.Session s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signedIn", true);
        out.put("username", s.username());
        out.put("displayName", s.displayName());
        out.put("mayAct", s.mayAct());
        out.put("sessionMinutes", sessions.idle().toMinutes());
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parameters(String body) {
        if (body == null || body.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Object parsed = JSON.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> m) {
                return new LinkedHashMap<>((Map<String, Object>) m);
            }
        } catch (Exception e) {
            throw new ConsoleRefusal(400, "The body must be a JSON object");
        }
        throw new ConsoleRefusal(400, "The body must be a JSON object");
    }
}
