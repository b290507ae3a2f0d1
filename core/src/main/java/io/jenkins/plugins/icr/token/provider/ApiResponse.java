package io.jenkins.plugins.icr.token.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.icr.token.ApiText;
import io.jenkins.plugins.icr.token.Redactor;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A provider's answer, read whole. {@code json} is null unless the answer declared a JSON content type and parsed
 * as JSON: an HTML page with status 200 is a proxy or SSO intercept, not the provider. Every text a check takes from
 * it for people to read (header values, JSON fields, the content type) comes out cleaned by the {@link Redactor} of
 * the request's credentials; {@code headers} and {@code json} stay raw for decisions only.
 */
record ApiResponse(HttpUrl url, int code, Headers headers, String contentType, JsonNode json, Redactor redactor) {

    ApiResponse {
        contentType = redactor.clean(contentType);
    }

    /** A header's value, cleaned, or null. */
    String header(String name) {
        return redactor.clean(headers.get(name));
    }

    boolean ok() {
        return code >= 200 && code < 300;
    }

    /** A text field of the JSON body, cleaned, or null. */
    String text(String field) {
        JsonNode node = json == null ? null : json.get(field);
        return node == null || node.isNull() ? null : redactor.clean(node.asText());
    }

    /** Whether the JSON body has this field as a string: the identity a provider always sends. */
    boolean hasText(String field) {
        return json != null && json.path(field).isTextual();
    }

    /** The elements of a JSON array field, cleaned; empty when there is no such array. */
    List<String> texts(String field) {
        List<String> texts = new ArrayList<>();
        if (json != null) {
            json.path(field).forEach(element -> texts.add(redactor.clean(element.asText())));
        }
        return texts;
    }

    /** The provider's own explanation, from the error body shapes of GitHub, GitLab and Bitbucket; or null. */
    String providerMessage() {
        if (json == null) {
            return null;
        }
        for (String path : new String[] {"/error_description", "/error/message", "/message", "/errors/0/message"}) {
            JsonNode node = json.at(path);
            if (node.isTextual() && !node.asText().isBlank()) {
                return ApiText.abbreviate(redactor.clean(node.asText().strip()));
            }
        }
        return null;
    }
}
