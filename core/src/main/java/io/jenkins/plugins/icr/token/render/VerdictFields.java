package io.jenkins.plugins.icr.token.render;

import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.Verdict;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A verdict's fields by their stable names, in the order of the command-line JSON contract: what the JSON prints
 * and what a Pipeline step returns. Values are strings, lists of strings, an integer or null; the message and the
 * warnings are in the reader's language, every other value is a constant or comes from the provider.
 */
public final class VerdictFields {
    private VerdictFields() {}

    public static Map<String, Object> of(Verdict v, Locale locale) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", v.status().name());
        fields.put("provider", v.provider().id());
        fields.put("tokenType", v.tokenKind().id());
        fields.put("account", v.account());
        fields.put("grantedScopes", v.granted());
        fields.put("requiredScopes", v.required());
        fields.put("missingScopes", v.missing());
        fields.put("expiresAt", v.expiresAt() == null ? null : v.expiresAt().toString());
        fields.put("warnings", Text.render(v.warnings(), locale));
        fields.put("message", v.message().render(locale));
        fields.put("fixUrl", v.fix().url());
        fields.put("rateLimitRemaining", v.rateLimitRemaining());
        return fields;
    }
}
