package io.jenkins.plugins.icr.token;

import java.util.List;

/**
 * How to repair what a verdict found: a link that opens the provider's page (with the scopes pre-selected where
 * the provider supports it, providers.md §6), and the steps to follow there. The link is null where no page helps.
 */
public record Fix(String url, List<String> steps) {
    public static final Fix NONE = new Fix(null, List.of());

    public Fix {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return url == null && steps.isEmpty();
    }
}
