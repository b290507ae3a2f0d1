package io.jenkins.plugins.icr.token.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.icr.token.ApiText;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A provider's answer, read whole. {@code json} is null unless the answer declared a JSON content type and parsed
 * as JSON: an HTML page with status 200 is a proxy or SSO intercept, not the provider (providers.md §7.6).
 */
record ApiResponse(HttpUrl url, int code, Headers headers, String contentType, JsonNode json) {

    String header(String name) {
        return headers.get(name);
    }

    boolean ok() {
        return code >= 200 && code < 300;
    }

    /** A text field of the JSON body, or null. */
    String text(String field) {
        JsonNode node = json == null ? null : json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The provider's own explanation, from the body shapes of providers.md §1.8, §2.4, §3.2; or null. */
    String providerMessage() {
        if (json == null) {
            return null;
        }
        for (String path : new String[] {"/error_description", "/error/message", "/message", "/errors/0/message"}) {
            JsonNode node = json.at(path);
            if (node.isTextual() && !node.asText().isBlank()) {
                return ApiText.abbreviate(node.asText().strip());
            }
        }
        return null;
    }
}
