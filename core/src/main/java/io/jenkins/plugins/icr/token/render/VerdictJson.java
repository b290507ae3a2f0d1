package io.jenkins.plugins.icr.token.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.icr.token.Verdict;
import java.util.List;

/** The command-line checker's JSON contract: one object, these fields, in this order. */
public final class VerdictJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VerdictJson() {}

    public static String render(Verdict v) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("status", v.status().name());
        json.put("provider", v.provider().id());
        json.put("tokenType", v.tokenKind().id());
        json.put("account", v.account());
        if (v.granted() == null) {
            json.putNull("grantedScopes");
        } else {
            json.set("grantedScopes", array(v.granted()));
        }
        json.set("requiredScopes", array(v.required()));
        json.set("missingScopes", array(v.missing()));
        json.put("expiresAt", v.expiresAt() == null ? null : v.expiresAt().toString());
        json.set("warnings", array(v.warnings()));
        json.put("message", v.message());
        json.put("fixUrl", v.fix().url());
        if (v.rateLimitRemaining() == null) {
            json.putNull("rateLimitRemaining");
        } else {
            json.put("rateLimitRemaining", v.rateLimitRemaining().intValue());
        }
        return json.toString();
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
