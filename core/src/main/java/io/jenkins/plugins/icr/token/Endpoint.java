package io.jenkins.plugins.icr.token;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Where a provider lives: the web URL people open and the API base the verifier calls. Built from either one; the
 * other is derived. Only the factories make endpoints, so every endpoint passed an {@link EndpointPolicy}.
 */
public final class Endpoint {
    private final Provider provider;
    private final HttpUrl web;
    private final HttpUrl api;

    private Endpoint(Provider provider, HttpUrl web, HttpUrl api) {
        this.provider = provider;
        this.web = web;
        this.api = api;
    }

    public Provider provider() {
        return provider;
    }

    /** The web URL people open, for links. */
    public HttpUrl web() {
        return web;
    }

    /** The API base the verifier calls. */
    public HttpUrl api() {
        return api;
    }

    /** The provider's public service; Bitbucket Data Center has none. */
    public static Endpoint publicService(Provider provider) throws InvalidInputException {
        String server = provider.publicServer()
                .orElseThrow(() -> new InvalidInputException(Text.of("server.selfHosted", provider.displayName())));
        return fromServer(provider, server, EndpointPolicy.httpsOnly());
    }

    /** From the web URL of the server (blank = the public service). */
    public static Endpoint fromServer(Provider provider, String server, EndpointPolicy policy)
            throws InvalidInputException {
        if (server == null || server.isBlank()) {
            return publicService(provider);
        }
        HttpUrl web = policy.check(server);
        String host = web.host().toLowerCase(Locale.ROOT);
        HttpUrl api = switch (provider) {
            case GITHUB -> {
                if (host.equals("github.com") || host.equals("www.github.com") || host.equals("api.github.com")) {
                    web = HttpUrl.get("https://github.com");
                    yield HttpUrl.get("https://api.github.com");
                }
                if (host.endsWith(".ghe.com")) {
                    // GHE.com (data residency) serves its API from api.SUBDOMAIN.ghe.com, with no /api/v3.
                    String sub = host.startsWith("api.") ? host.substring(4) : host;
                    web = web.newBuilder().host(sub).encodedPath("/").build();
                    yield web.newBuilder().host("api." + sub).build();
                }
                yield append(web, "/api/v3");
            }
            case GITLAB -> append(web, "/api/v4");
            case BITBUCKET -> {
                if (!host.equals("bitbucket.org") && !host.equals("api.bitbucket.org")) {
                    throw new InvalidInputException(Text.of("server.bitbucketCloud"));
                }
                web = HttpUrl.get("https://bitbucket.org");
                yield HttpUrl.get("https://api.bitbucket.org/2.0");
            }
            case BITBUCKET_DC -> append(web, "/rest/api/1.0");
        };
        return new Endpoint(provider, strip(web, ""), api);
    }

    /** From the API base itself, as the CLI's --api-url gives it; the web URL is derived for the fix links. */
    public static Endpoint fromApi(Provider provider, String apiUrl, EndpointPolicy policy) throws InvalidInputException {
        HttpUrl api = policy.check(apiUrl);
        HttpUrl web = switch (provider) {
            case GITHUB -> api.host().equals("api.github.com") || api.host().endsWith(".ghe.com")
                    ? api.newBuilder().host(api.host().replaceFirst("^api\\.", "")).build()
                    : strip(api, "/api/v3");
            case GITLAB -> strip(api, "/api/v4");
            case BITBUCKET -> api.host().equals("api.bitbucket.org")
                    ? HttpUrl.get("https://bitbucket.org")
                    : strip(api, "/2.0");
            case BITBUCKET_DC -> strip(api, "/rest/api/1.0");
        };
        return new Endpoint(provider, strip(web, ""), api);
    }

    /** A URL below the API base, such as {@code resolve("user")}; segments are encoded. */
    public HttpUrl resolve(String... segments) {
        HttpUrl.Builder builder = api.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder.build();
    }

    /** A URL below the web URL, for links people open. */
    public HttpUrl.Builder webPage(String path) {
        return web.newBuilder().addPathSegments(path);
    }

    /** Whether this endpoint is the provider's public service (gitlab.com, github.com, bitbucket.org). */
    public boolean isPublicService() {
        return provider.publicServer().map(s -> HttpUrl.get(s).host().equals(web.host())).orElse(false);
    }

    private static HttpUrl append(HttpUrl base, String suffix) {
        String path = base.encodedPath().equals("/") ? "" : base.encodedPath();
        return path.endsWith(suffix) ? base : base.newBuilder().encodedPath(path + suffix).build();
    }

    private static HttpUrl strip(HttpUrl url, String suffix) {
        String path = url.encodedPath();
        if (!suffix.isEmpty() && path.endsWith(suffix)) {
            path = path.substring(0, path.length() - suffix.length());
        }
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return url.newBuilder().encodedPath(path.isEmpty() ? "/" : path).build();
    }
}
