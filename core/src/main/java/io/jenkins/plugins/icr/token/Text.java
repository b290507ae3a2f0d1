package io.jenkins.plugins.icr.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A sentence a user reads, kept as a key of core's {@code Messages} bundle and its arguments until a front-end
 * renders it in the reader's language: the plugin in the request's locale, the command line in English. Arguments
 * are strings (already cleaned where they come from a provider), whole numbers (counts and days, which a
 * translation may put in a {@code choice}) or other texts, rendered in the same language. A text from outside the
 * bundle (an older record, a plugin message) is kept {@linkplain #verbatim verbatim} and shown as it is.
 */
public final class Text {
    private static final String BUNDLE = "io.jenkins.plugins.icr.token.Messages";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Null for a verbatim text, whose only argument is the text itself. */
    private final String key;
    private final List<Object> arguments;

    private Text(String key, List<Object> arguments) {
        this.key = key;
        this.arguments = arguments;
    }

    /** A sentence of core's bundle with its arguments: strings, whole numbers ({@code int}, {@code long}) or texts. */
    public static Text of(String key, Object... arguments) {
        List<Object> values = new ArrayList<>(arguments.length);
        for (Object argument : arguments) {
            // Whole numbers are kept as long, so a text read back from JSON equals the one written.
            if (argument instanceof Integer i) {
                values.add(i.longValue());
            } else if (argument instanceof String || argument instanceof Long || argument instanceof Text) {
                values.add(argument);
            } else {
                throw new IllegalArgumentException("A text argument is a string, a whole number or a text, not "
                        + argument);
            }
        }
        return new Text(Objects.requireNonNull(key), List.copyOf(values));
    }

    /** A sentence that has no key: shown the same in every language. */
    public static Text verbatim(String text) {
        return new Text(null, List.of(text));
    }

    /**
     * The sentence in the locale's language; where the bundle has no translation of a key, in English (never the
     * JVM's default locale, which is not the reader's).
     */
    public String render(Locale locale) {
        if (key == null) {
            return (String) arguments.get(0);
        }
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] values = arguments.stream().map(a -> a instanceof Text t ? t.render(locale) : a).toArray();
        return new MessageFormat(bundle.getString(key), locale).format(values);
    }

    /** In English: for logs and exception messages, which are read by whoever runs the process. */
    @Override
    public String toString() {
        return render(Locale.ROOT);
    }

    /** The text as JSON, to be kept on disk and {@linkplain #fromJson read back} to render in a later reader's language. */
    public String toJson() {
        return toNode().toString();
    }

    /**
     * A text {@linkplain #toJson kept} earlier. What is not such JSON (a record written before texts were kept this
     * way holds the English sentence itself) comes back verbatim.
     */
    public static Text fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? fromNode(node) : verbatim(json);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return verbatim(json);
        }
    }

    private ObjectNode toNode() {
        ObjectNode node = JSON.createObjectNode();
        if (key == null) {
            return node.put("verbatim", (String) arguments.get(0));
        }
        node.put("key", key);
        ArrayNode values = node.putArray("args");
        for (Object a : arguments) {
            if (a instanceof Text t) {
                values.add(t.toNode());
            } else if (a instanceof String s) {
                values.add(s);
            } else {
                values.add(((Number) a).longValue());
            }
        }
        return node;
    }

    private static Text fromNode(JsonNode node) {
        if (node.has("verbatim")) {
            return verbatim(node.get("verbatim").asText());
        }
        if (!node.path("key").isTextual() || !node.path("args").isArray()) {
            throw new IllegalArgumentException("not a kept text");
        }
        List<Object> values = new ArrayList<>();
        for (JsonNode a : node.get("args")) {
            values.add(a.isObject() ? fromNode(a) : a.isIntegralNumber() ? (Object) a.longValue() : a.asText());
        }
        return of(node.get("key").asText(), values.toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && Objects.equals(key, t.key) && arguments.equals(t.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, arguments);
    }

    /** Texts rendered in one language, for a front-end that shows them as a list. */
    public static List<String> render(List<Text> texts, Locale locale) {
        return texts.stream().map(t -> t.render(locale)).toList();
    }
}
