package io.jenkins.plugins.icr.token.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.icr.token.EndpointPolicy;
import io.jenkins.plugins.icr.token.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Serial;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dns;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends the verifier's GET requests and the one POST of a token rotation. Redirects are never followed here (a 3xx is a verdict, and the token must not
 * reach another host; only {@link MovedRepository} follows one, checked), every call is bounded by the
 * verification's deadline, and host names that resolve to a link-local or metadata address are refused at connect
 * time as well as in the URL.
 */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Identity and scope answers are small; anything larger is not the provider's API. */
    private static final int MAX_BODY = 1 << 20;

    private final OkHttpClient client;
    /** The same client, except that OkHttp never sends a request a second time on its own. */
    private final OkHttpClient once;
    private final String userAgent;

    /**
     * @param base a shared client (in Jenkins, one built by JenkinsOkHttpClient so the proxy applies); its
     *     connection pool and dispatcher are shared, its redirect and DNS settings are overridden
     */
    public Http(OkHttpClient base, String userAgent) {
        Dns dns = base.dns();
        this.client = base.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .dns(host -> refuseForbidden(host, dns.lookup(host)))
                .build();
        this.once = client.newBuilder().retryOnConnectionFailure(false).build();
        this.userAgent = userAgent;
    }

    /** A client with the defaults the command line and tests use. */
    public static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS)
                .build();
    }

    ApiResponse get(HttpUrl url, Credentials credentials, List<String[]> extraHeaders, Deadline deadline)
            throws Unreachable {
        Call call = newCall(client, url, credentials, extraHeaders, null, deadline);
        try (Response response = call.execute()) {
            return read(url, response, credentials);
        } catch (IOException e) {
            throw unreachable(url, e, deadline);
        }
    }

    /**
     * Sends a form POST exactly once. OkHttp would otherwise send it again after a failure on a reused connection,
     * and a provider may have acted on the first: a second token rotation with the same, by then revoked, token makes
     * GitLab revoke the new one too (docs/provider-apis.md §2.8).
     *
     * @throws Unreachable the request certainly never reached the provider (DNS, connect, TLS handshake)
     * @throws Unanswered the request may have reached it, but no answer came back
     */
    ApiResponse postOnce(HttpUrl url, Credentials credentials, Map<String, String> form, Deadline deadline)
            throws Unreachable, Unanswered {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        Call call = newCall(once, url, credentials, List.of(), body.build(), deadline);
        try (Response response = call.execute()) {
            return read(url, response, credentials);
        } catch (IOException e) {
            Unreachable reason = unreachable(url, e, deadline);
            if (neverSent(e)) {
                throw reason;
            }
            throw new Unanswered(reason.text());
        }
    }

    /** Sends the request on OkHttp's dispatcher, so that a provider's two independent questions travel together. */
    CompletableFuture<ApiResponse> getAsync(
            HttpUrl url, Credentials credentials, List<String[]> extraHeaders, Deadline deadline) {
        CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        Call call;
        try {
            call = newCall(client, url, credentials, extraHeaders, null, deadline);
        } catch (Unreachable e) {
            result.completeExceptionally(e);
            return result;
        }
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    result.complete(read(url, response, credentials));
                } catch (IOException e) {
                    result.completeExceptionally(unreachable(url, e, deadline));
                }
            }

            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(unreachable(url, e, deadline));
            }
        });
        result.whenComplete((r, e) -> call.cancel());
        return result;
    }

    private Call newCall(OkHttpClient with, HttpUrl url, Credentials credentials, List<String[]> extraHeaders,
            RequestBody post, Deadline deadline) throws Unreachable {
        long remaining = deadline.remainingNanos();
        if (remaining <= 0) {
            throw new Unreachable(Text.of("unreachable.outOfTime", url.host(), deadline.bound().toSeconds()));
        }
        Request.Builder request = new Request.Builder().url(url).header("User-Agent", userAgent);
        extraHeaders.forEach(h -> request.header(h[0], h[1]));
        if (post != null) {
            request.post(post);
        }
        Call call = with.newCall(credentials.applyTo(request).build());
        call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
        return call;
    }

    private static ApiResponse read(HttpUrl url, Response response, Credentials credentials) throws IOException {
        ResponseBody body = response.body();
        String contentType = response.header("Content-Type", "");
        JsonNode json = null;
        if (contentType.toLowerCase().contains("json")) {
            try (InputStream in = body.byteStream()) {
                byte[] bytes = in.readNBytes(MAX_BODY);
                json = bytes.length == 0 ? null : JSON.readTree(bytes);
            } catch (JsonProcessingException e) {
                json = null;
            }
        }
        return new ApiResponse(url, response.code(), response.headers(), contentType, json, credentials.redactor());
    }

    private static Unreachable unreachable(HttpUrl url, IOException e, Deadline deadline) {
        String host = url.host();
        if (e instanceof UnknownHostException) {
            return new Unreachable(e instanceof ForbiddenAddress forbidden
                    ? Text.of("unreachable.forbiddenAddress", host, forbidden.address)
                    : Text.of("unreachable.unknownHost", host));
        }
        if (e instanceof ConnectException) {
            return new Unreachable(Text.of("unreachable.connect", host + ":" + url.port()));
        }
        if (e instanceof SSLException) {
            return new Unreachable(Text.of("unreachable.tls", host, e.getClass().getSimpleName()));
        }
        if (e instanceof InterruptedIOException) {
            return new Unreachable(Text.of("unreachable.timeout", host, deadline.bound().toSeconds()));
        }
        return new Unreachable(Text.of("unreachable.failed", host, e.getClass().getSimpleName()));
    }

    /** Failures that happen before a single byte of the request is written. */
    private static boolean neverSent(IOException e) {
        return e instanceof UnknownHostException
                || e instanceof ConnectException
                || e instanceof NoRouteToHostException
                || e instanceof SSLHandshakeException;
    }

    private static List<InetAddress> refuseForbidden(String host, List<InetAddress> addresses)
            throws UnknownHostException {
        for (InetAddress address : addresses) {
            if (EndpointPolicy.isForbidden(address)) {
                throw new ForbiddenAddress(host, address.getHostAddress());
            }
        }
        return addresses;
    }

    /** A host that resolves where tokens are never sent; OkHttp's DNS lookup can only fail with this type. */
    private static final class ForbiddenAddress extends UnknownHostException {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String address;

        ForbiddenAddress(String host, String address) {
            super(host + " resolves to the link-local or metadata address " + address);
            this.address = address;
        }
    }
}
