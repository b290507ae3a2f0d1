package io.jenkins.plugins.icr.token;

import static io.jenkins.plugins.icr.token.ProviderServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.provider.Http;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.Dns;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the network does to a verification: name resolution. */
class NetworkFaultsTest {
    @RegisterExtension
    final ProviderServer server = new ProviderServer();

    /** A verifier whose name resolution answers as the given DNS would. */
    private static Verifier resolvingWith(Dns dns) {
        Clock clock = Clock.fixed(ProviderServer.NOW, ZoneOffset.UTC);
        return new Verifier(Http.defaultClient().newBuilder().dns(dns).build(), clock, new VerdictCache(Duration.ZERO, clock));
    }

    private static VerificationRequest at(Provider provider, String apiUrl, String token) throws InvalidInputException {
        return VerificationRequest.of(Endpoint.fromApi(provider, apiUrl, EndpointPolicy.allowingHttp()), null, Token.of(token));
    }

    private static Verdict verify(Verifier verifier, VerificationRequest request) {
        Verdict verdict = verifier.verify(request);
        ProviderServer.assertSecretsAbsent(verdict, request.token().reveal(), null);
        return verdict;
    }

    @Test
    void internationalizedHostNameTravelsInItsAsciiForm() throws Exception {
        server.on("/api/v3/user", json(200, "{\"login\":\"octocat\"}", Headers.of("X-OAuth-Scopes", "repo, workflow, notifications")));
        Verifier verifier = resolvingWith(host -> {
            if (!host.equals("xn--bcher-kva.example")) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getLoopbackAddress());
        });

        Verdict verdict = verify(verifier, at(Provider.GITHUB, "http://bücher.example:" + server.server().getPort() + "/api/v3",
                TestTokens.githubClassic()));

        assertEquals(Status.VALID, verdict.status(), verdict.message());
        RecordedRequest request = server.onlyRequest();
        assertEquals("xn--bcher-kva.example:" + server.server().getPort(), request.getHeaders().get("Host"));
    }
}
