package io.jenkins.plugins.icr.token;

import io.jenkins.plugins.icr.token.provider.Answer;
import io.jenkins.plugins.icr.token.provider.Http;
import io.jenkins.plugins.icr.token.provider.ProviderChecks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Verifies a token live against its provider: classifies it, refuses what can never work before any request,
 * asks the provider, and weighs the answer against the requirement. Thread-safe; share one per process.
 */
public final class Verifier {
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(1);

    private final Http http;
    private final Clock clock;
    private final VerdictCache cache;

    public Verifier(OkHttpClient client, Clock clock, VerdictCache cache) {
        this.http = new Http(client, Version.userAgent());
        this.clock = clock;
        this.cache = cache;
    }

    /** A verifier with its own client, the system clock and a one-minute cache, as the command line uses. */
    public static Verifier standalone() {
        Clock clock = Clock.systemUTC();
        return new Verifier(Http.defaultClient(), clock, new VerdictCache(DEFAULT_CACHE_TTL, clock));
    }

    /** Verifies, or answers from the cache when the same verification was done within the cache window. */
    public Verdict verify(VerificationRequest request) {
        return verify(request, false);
    }

    /**
     * Verifies without looking in the cache, for an admin who just changed the token at the provider and asks
     * again; the answer still goes into the cache for the automatic checks that follow.
     */
    public Verdict refresh(VerificationRequest request) {
        return verify(request, true);
    }

    private Verdict verify(VerificationRequest request, boolean fresh) {
        Provider provider = request.provider();
        if (carriesToken(request)) {
            return Verdict.invalidInput(provider, TokenKind.UNKNOWN, Text.of("input.tokenInUrl"));
        }
        TokenKind kind;
        RepositoryPath repository;
        try {
            kind = TokenKind.classify(provider, request.token(), request.username());
            repository = request.repository() == null ? null : RepositoryPath.parse(provider, request.repository());
        } catch (InvalidInputException e) {
            return Verdict.invalidInput(provider, TokenKind.UNKNOWN, e.text());
        }
        String key = cacheKey(request);
        Optional<Verdict> cached = fresh ? Optional.empty() : cache.get(key);
        return cached.orElseGet(() -> {
            Answer answer = ProviderChecks.ask(http, request, kind, repository, clock);
            Verdict verdict = VerdictDecider.decide(request, answer, clock);
            cache.put(key, verdict);
            return verdict;
        });
    }

    /** Renews GitLab tokens with this verifier's client and clock. */
    public TokenRotator rotator() {
        return new TokenRotator(http, clock);
    }

    /**
     * A URL carrying the token would hand it to every log on the way, and show it back in every link built on it
     * (the web URL of the fix links is the API base's host and path, less the API suffix).
     */
    private static boolean carriesToken(VerificationRequest r) {
        Redactor redactor = Redactor.of(r.token(), r.username());
        return redactor.appearsIn(r.endpoint().api().toString())
                || (r.repository() != null && redactor.appearsIn(r.repository()));
    }

    private static String cacheKey(VerificationRequest r) {
        return String.join("\u0000", r.token().fingerprint(), r.endpoint().api().toString(), String.valueOf(r.username()),
                String.join(",", r.required()), String.valueOf(r.repository()), String.valueOf(r.warnDays()));
    }
}
