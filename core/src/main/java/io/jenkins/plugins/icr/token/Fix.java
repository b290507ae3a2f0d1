package io.jenkins.plugins.icr.token;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How to repair what a verdict found: a link that opens the provider's page (with the scopes pre-selected where
 * the provider supports it, docs/provider-apis.md §6), and the steps to follow there. The link is null where no page helps.
 * A step names the link where it belongs in its sentence, by the words in brackets ("…, or [create a new one].");
 * a page makes those words the link, text shows them plain.
 */
public record Fix(String url, List<Text> steps) {
    public static final Fix NONE = new Fix(null, List.of());

    /** The words of a step that carry the link: the first bracketed part. */
    public static final Pattern LINKED_WORDS = Pattern.compile("\\[([^\\[\\]]+)]");

    public Fix {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return url == null && steps.isEmpty();
    }

    /** A step as plain text: the linked words without their brackets. */
    public static String plain(String step) {
        return LINKED_WORDS.matcher(step).replaceFirst("$1");
    }
}
