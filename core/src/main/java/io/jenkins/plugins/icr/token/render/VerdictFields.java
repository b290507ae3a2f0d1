package io.jenkins.plugins.icr.token.render;

import io.jenkins.plugins.icr.token.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A verdict's fields by their stable names, in the order of the command-line JSON contract: what the JSON prints
 * and what a Pipeline step returns. Values are strings, lists of strings, an integer or null.
 */
public final class VerdictFields {
    private VerdictFields() {}

    public static Map<String, Object> of(Verdict v) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", v.status().name());
        fields.put("provider", v.provider().id());
        fields.put("tokenType", v.tokenKind().id());
        fields.put("account", v.account());
        fields.put("grantedScopes", v.granted());
        fields.put("requiredScopes", v.required());
        fields.put("missingScopes", v.missing());
        fields.put("expiresAt", v.expiresAt() == null ? null : v.expiresAt().toString());
        fields.put("warnings", v.warnings());
        fields.put("message", v.message());
        fields.put("fixUrl", v.fix().url());
        fields.put("rateLimitRemaining", v.rateLimitRemaining());
        return fields;
    }
}
