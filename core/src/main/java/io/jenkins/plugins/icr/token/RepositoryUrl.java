package io.jenkins.plugins.icr.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * A repository's web or clone URL ({@code https://github.com/acme/widgets.git},
 * {@code https://gitlab.example.com/group/sub/project}, {@code https://bitbucket.example.com/scm/ACME/widgets.git}),
 * matched against an endpoint to tell whether a token of that endpoint serves it, and to name the repository
 * path the verifier probes.
 */
public final class RepositoryUrl {
    private final HttpUrl url;

    private RepositoryUrl(HttpUrl url) {
        this.url = url;
    }

    /** Parses an http(s) URL; SSH URLs ({@code git@host:path}) carry no token and are refused. */
    public static RepositoryUrl parse(String text) throws InvalidInputException {
        HttpUrl url = text == null ? null : HttpUrl.parse(text.strip());
        // The text is never quoted back: a pasted URL may carry a token in it.
        if (url == null) {
            throw new InvalidInputException(Text.of("repository.url.invalid"));
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new InvalidInputException(Text.of("repository.url.userInfo"));
        }
        return new RepositoryUrl(url);
    }

    /**
     * The repository path below the endpoint's web URL, in the form the verifier takes, or null when the URL is on
     * another server (so the token of this endpoint cannot serve it).
     */
    public String pathOn(Endpoint endpoint) {
        HttpUrl web = endpoint.web();
        if (!web.host().toLowerCase(Locale.ROOT).equals(url.host().toLowerCase(Locale.ROOT)) || web.port() != url.port()) {
            return null;
        }
        List<String> base = web.pathSegments().stream().filter(s -> !s.isEmpty()).toList();
        List<String> segments = new ArrayList<>(url.pathSegments().stream().filter(s -> !s.isEmpty()).toList());
        if (segments.size() < base.size() || !segments.subList(0, base.size()).equals(base)) {
            return null;
        }
        List<String> rest = new ArrayList<>(segments.subList(base.size(), segments.size()));
        if (endpoint.provider() == Provider.BITBUCKET_DC) {
            rest = dataCenterPath(rest);
        } else if (endpoint.provider() == Provider.GITLAB) {
            // GitLab pages below a project start with "-": /group/project/-/tree/main
            int dash = rest.indexOf("-");
            rest = dash < 0 ? rest : rest.subList(0, dash);
        } else if (rest.size() > 2) {
            rest = rest.subList(0, 2);
        }
        if (rest.size() < 2) {
            return null;
        }
        String last = rest.get(rest.size() - 1);
        rest.set(rest.size() - 1, last.endsWith(".git") ? last.substring(0, last.length() - 4) : last);
        return String.join("/", rest);
    }

    /**
     * The repository path for a credential's provider and server, or null when the credential's server is not one
     * it may use (see {@link DeclaredServers}) or does not host this repository.
     */
    public String pathFor(Provider provider, String serverUrl, Collection<DeclaredServers.Server> declared) {
        try {
            return pathOn(DeclaredServers.resolve(provider, serverUrl, declared));
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** {@code scm/PROJECT/repo.git} (clone) or {@code projects/PROJECT/repos/repo/…} (browse) → PROJECT/repo. */
    private static List<String> dataCenterPath(List<String> rest) {
        if (rest.size() >= 3 && rest.get(0).equals("scm")) {
            return new ArrayList<>(rest.subList(1, 3));
        }
        if (rest.size() >= 4 && rest.get(0).equals("projects") && rest.get(2).equals("repos")) {
            return new ArrayList<>(List.of(rest.get(1), rest.get(3)));
        }
        return List.of();
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
