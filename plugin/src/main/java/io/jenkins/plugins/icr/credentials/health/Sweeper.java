package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import io.jenkins.plugins.icr.credentials.internal.Verification;
import io.jenkins.plugins.icr.token.Verdict;
import io.jenkins.plugins.icr.token.VerificationRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One re-verification of every stored token: found by {@link TokenLocations}, verified together by core's
 * BulkVerifier (bounded per host, rate-limit aware, one deadline), recorded in {@link TokenHealthStore}. The log
 * names credentials and statuses, never a token.
 */
final class Sweeper {
    /** A sweep that has not finished by then leaves the rest for the next one. */
    static final Duration DEADLINE = Duration.ofMinutes(30);

    private Sweeper() {}

    static void sweep(@NonNull TaskListener listener) throws InterruptedException {
        HealthSettings settings = HealthSettings.get();
        TokenHealthStore store = TokenHealthStore.get();
        PrintStream log = listener.getLogger();
        Instant now = Instant.now();
        List<StoredToken> tokens = TokenLocations.all();
        ConcurrentLinkedQueue<TokenHealthRecord> records = new ConcurrentLinkedQueue<>();
        Map<String, VerificationRequest> requests = new LinkedHashMap<>();
        Map<String, StoredToken> byKey = new LinkedHashMap<>();
        Map<StoredToken, Verdict> verdicts = new ConcurrentHashMap<>();
        for (StoredToken token : tokens) {
            Verification.Prepared prepared;
            try {
                prepared = Verification.prepare(token.token(), null);
            } catch (Verification.UnknownProviderException e) {
                records.add(TokenHealthRecord.refused(token, e.getMessage(), now));
                continue;
            }
            if (prepared.request() == null) {
                records.add(TokenHealthRecord.of(token, prepared.refused(), store.get(token.credentialUrl()), now));
            } else {
                requests.put(token.credentialUrl(), prepared.request());
                byKey.put(token.credentialUrl(), token);
            }
        }
        log.println(Messages.Sweeper_Verifying(tokens.size(), records.size()));
        Verification.bulk(settings.getPerHost()).verifyAll(requests, DEADLINE, result -> {
            StoredToken token = byKey.get(result.key());
            records.add(TokenHealthRecord.of(token, result.verdict(), store.get(result.key()), now));
            verdicts.put(token, result.verdict());
            log.printf(
                    "%s (%s): %s%n",
                    token.id(), token.storeName(), result.verdict().status());
        });
        store.replaceAll(records, Instant.now());
        AutomaticRenewal.renewDue(verdicts, now, log);
        long attention = records.stream()
                .filter(r -> !r.reasons(now, settings.getWarnDays()).isEmpty())
                .count();
        log.println(Messages.Sweeper_Done(records.size(), attention));
    }
}
