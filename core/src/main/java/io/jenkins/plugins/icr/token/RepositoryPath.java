package io.jenkins.plugins.icr.token;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A repository to probe: {@code OWNER/NAME} on GitHub and Bitbucket Cloud ({@code WORKSPACE/REPO}), {@code PROJECT/repo}
 * on Data Center, {@code GROUP/…/PROJECT} on GitLab, where groups nest.
 */
public record RepositoryPath(List<String> segments) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.~-]+");

    public RepositoryPath {
        segments = List.copyOf(segments);
    }

    public static RepositoryPath parse(Provider provider, String text) throws InvalidInputException {
        String trimmed = text.strip().replaceAll("\\.git$", "");
        List<String> segments = List.of(trimmed.split("/", -1));
        boolean nested = provider == Provider.GITLAB;
        boolean shaped = nested ? segments.size() >= 2 : segments.size() == 2;
        if (!shaped || !segments.stream().allMatch(s -> SEGMENT.matcher(s).matches() && !s.equals(".") && !s.equals(".."))) {
            // Not quoted back: a pasted clone URL may carry a token.
            throw new InvalidInputException(Text.of(nested ? "repository.path.nested" : "repository.path",
                    provider == Provider.BITBUCKET_DC ? "PROJECT/repository"
                            : provider == Provider.BITBUCKET ? "WORKSPACE/repository" : "OWNER/NAME"));
        }
        return new RepositoryPath(segments);
    }

    public String owner() {
        return segments.get(0);
    }

    public String name() {
        return segments.get(segments.size() - 1);
    }

    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
