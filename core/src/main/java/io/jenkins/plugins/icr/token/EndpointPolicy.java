package io.jenkins.plugins.icr.token;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Which URLs a token may be sent to (docs/security.md): https unless plain http is explicitly allowed; no credentials,
 * query or fragment in a base URL; never a link-local or cloud-metadata address, where a token would be handed to
 * whatever answers inside the cloud host.
 */
public final class EndpointPolicy {
    private static final Set<String> METADATA_HOSTS =
            Set.of("metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal");

    private final boolean allowHttp;

    private EndpointPolicy(boolean allowHttp) {
        this.allowHttp = allowHttp;
    }

    public static EndpointPolicy httpsOnly() {
        return new EndpointPolicy(false);
    }

    /** For local testing against a plain-http server. */
    public static EndpointPolicy allowingHttp() {
        return new EndpointPolicy(true);
    }

    /**
     * Parses and checks a base URL, dropping a trailing slash. Messages never quote the URL: a pasted one may carry a
     * token in its user info or path.
     */
    public HttpUrl check(String url) throws InvalidInputException {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException(Text.of("url.empty"));
        }
        URI uri;
        try {
            uri = new URI(ascii(url.strip()));
        } catch (URISyntaxException e) {
            throw new InvalidInputException(Text.of("url.invalid.reason", e.getReason()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new InvalidInputException(Text.of(allowHttp ? "url.scheme.http" : "url.scheme"));
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException(Text.of("url.userInfo"));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException(Text.of("url.query"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException(Text.of("url.noHost"));
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (METADATA_HOSTS.contains(host) || isForbiddenLiteral(host)) {
            throw new InvalidInputException(Text.of("url.metadata", host));
        }
        HttpUrl parsed = HttpUrl.parse(uri.toString());
        if (parsed == null) {
            throw new InvalidInputException(Text.of("url.invalid"));
        }
        String path = parsed.encodedPath();
        return path.endsWith("/") && path.length() > 1
                ? parsed.newBuilder().encodedPath(path.substring(0, path.length() - 1)).build()
                : parsed;
    }

    /**
     * A URL with a non-ASCII host name ({@code https://bücher.example}) in its ASCII form
     * ({@code https://xn--bcher-kva.example}, other characters percent-encoded), so that the checks below see the
     * host the request would reach: look-alike characters that map to ASCII (fullwidth letters, ideographic dots)
     * cannot slip a forbidden host past them.
     */
    private static String ascii(String url) throws InvalidInputException {
        if (url.chars().allMatch(c -> c < 0x80)) {
            return url;
        }
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new InvalidInputException(Text.of("url.idn"));
        }
        return parsed.toString();
    }

    private static boolean isForbiddenLiteral(String host) {
        boolean literal = host.startsWith("[") || host.matches("[0-9.]+");
        if (!literal) {
            return false;
        }
        try {
            // A literal is parsed, not looked up.
            return isForbidden(InetAddress.getByName(host.replace("[", "").replace("]", "")));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /**
     * Link-local covers 169.254.169.254 (AWS, GCP, Azure, OpenStack) and fe80::/10; the others are the metadata
     * services of AWS over IPv6 and of Alibaba Cloud; the any-address never names a real server.
     */
    public static boolean isForbidden(InetAddress address) {
        String text = address.getHostAddress();
        return address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || text.equals("100.100.100.200")
                || text.equals("fd00:ec2:0:0:0:0:0:254");
    }
}
