package io.jenkins.plugins.icr.token;

import java.util.Collection;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Where a stored token may be sent: its provider's public service, or a server an administrator declared
 * (docs/security.md, "Where a token is sent"). Anyone who can edit a credential but not declare servers can then
 * never point a token at a host of their choosing.
 */
public final class DeclaredServers {
    /** A self-hosted server an administrator declared. */
    public record Server(Provider provider, String url) {}

    private DeclaredServers() {}

    /**
     * The endpoint for a credential's provider and server URL (blank = the public service).
     *
     * @throws InvalidInputException naming the declared servers, when the URL is neither
     */
    public static Endpoint resolve(Provider provider, String serverUrl, Collection<Server> declared)
            throws InvalidInputException {
        if (serverUrl == null || serverUrl.isBlank()) {
            return Endpoint.publicService(provider);
        }
        HttpUrl wanted = EndpointPolicy.allowingHttp().check(serverUrl);
        Endpoint publicService = provider.publicServer().isPresent() ? Endpoint.publicService(provider) : null;
        if (publicService != null && key(publicService.web()).equals(key(wanted))) {
            return publicService;
        }
        for (Server server : declared) {
            if (server.provider() == provider && key(EndpointPolicy.allowingHttp().check(server.url())).equals(key(wanted))) {
                return Endpoint.fromServer(provider, server.url(), EndpointPolicy.allowingHttp());
            }
        }
        // Not quoted back: a pasted URL may carry a token in its path.
        throw new InvalidInputException(provider.publicServer()
                .map(p -> Text.of("server.undeclared", provider.displayName(), p))
                .orElseGet(() -> Text.of("server.undeclared.selfHosted", provider.displayName())));
    }

    /** The form check of a credential's server URL: accepted where {@link #resolve} would accept it. */
    public static FormatCheck checkCredentialServer(Provider provider, String serverUrl, Collection<Server> declared) {
        try {
            Endpoint endpoint = resolve(provider, serverUrl, declared);
            return new FormatCheck(Status.Severity.OK, Text.of("server.api", endpoint.api().toString()));
        } catch (InvalidInputException e) {
            return new FormatCheck(Status.Severity.ERROR, e.text());
        }
    }

    /** The form check of a server an administrator declares: a valid URL, with a warning for plain http. */
    public static FormatCheck checkDeclaration(Provider provider, String url) {
        try {
            Endpoint endpoint = Endpoint.fromServer(provider, url, EndpointPolicy.allowingHttp());
            return endpoint.api().isHttps()
                    ? new FormatCheck(Status.Severity.OK, Text.of("server.api", endpoint.api().toString()))
                    : new FormatCheck(Status.Severity.WARNING, Text.of("server.plainHttp"));
        } catch (InvalidInputException e) {
            return new FormatCheck(Status.Severity.ERROR, e.text());
        }
    }

    private static String key(HttpUrl url) {
        String path = url.encodedPath().endsWith("/") ? url.encodedPath().substring(0, url.encodedPath().length() - 1) : url.encodedPath();
        return url.scheme() + "://" + url.host().toLowerCase(Locale.ROOT) + ":" + url.port() + path;
    }
}
