package io.jenkins.plugins.icr.bench;

import io.jenkins.plugins.icr.token.BulkVerifier;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.VerdictCache;
import io.jenkins.plugins.icr.token.VerificationRequest;
import io.jenkins.plugins.icr.token.Verifier;
import io.jenkins.plugins.icr.token.provider.Http;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Verification cost against its physical floor, one HTTP round trip, on a local server with a fixed latency.
 * Prints one table per measurement; docs/benchmark.md explains how to read them.
 *
 * <p>Options: {@code --latency-ms N} (default 20), {@code --repeats N} (rounds per measurement, default 5),
 * {@code --quick} (fewer samples and 1,000 bulk tokens only, for a smoke run).
 */
public final class VerificationBenchmark {
    private final long latencyMillis;
    private final int repeats;
    private final int samples;
    private final boolean quick;
    private final List<String> summary = new ArrayList<>();

    private VerificationBenchmark(long latencyMillis, int repeats, boolean quick) {
        this.latencyMillis = latencyMillis;
        this.repeats = repeats;
        this.samples = quick ? 30 : 100;
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        long latency = 20;
        int repeats = 5;
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--latency-ms" -> latency = Long.parseLong(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--quick" -> quick = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new VerificationBenchmark(latency, repeats, quick).run();
    }

    private void run() throws Exception {
        System.out.printf("iCR VCS token verifier benchmark: latency %d ms, %d rounds, %d cores, Java %s%n%n",
                latencyMillis, repeats, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        double warmGitHub = single();
        coldStart(warmGitHub);
        bulk(1_000);
        if (!quick) {
            bulk(10_000);
        }
        cacheHit();
        memory();
        System.out.println("Against the targets (issue: benchmark):");
        summary.forEach(line -> System.out.println("  " + line));
    }

    /** The tests' provider server, answering a valid token as each provider does, this late. */
    private static ProviderServer provider(long latencyMillis) throws IOException {
        return new ProviderServer().answeringAsProviders().latency(Duration.ofMillis(latencyMillis)).start();
    }

    private static Verifier uncached(OkHttpClient client) {
        return new Verifier(client, Clock.systemUTC(), new VerdictCache(Duration.ZERO, Clock.systemUTC()));
    }

    /** 1. Warm verification vs one raw GET of the same URL with the same client, alternated to share the noise. */
    private double single() throws Exception {
        System.out.println("1. Single warm verification vs the floor (one raw GET, same client, same answer)");
        System.out.printf("   %-24s %12s %12s %12s %12s %8s %18s %9s%n", "provider/kind", "verify p50", "verify p90",
                "floor p50", "floor p90", "ratio", "ratio spread", "requests");
        double githubWarm = 0;
        for (Scenario scenario : Scenario.values()) {
            try (ProviderServer server = provider(latencyMillis)) {
                OkHttpClient client = Http.defaultClient();
                Verifier verifier = uncached(client);
                Request floor = new Request.Builder()
                        .url(server.url(scenario.apiPath + "/" + scenario.firstPath))
                        .header("Authorization", "Bearer " + scenario.token())
                        .header("User-Agent", "icr-vcs-bench")
                        .build();
                for (int i = 0; i < 30; i++) {
                    verifier.verify(scenario.request(server));
                    get(client, floor);
                }
                int before = server.server().getRequestCount();
                for (int i = 0; i < 20; i++) {
                    verifier.verify(scenario.request(server));
                }
                double perVerification = (server.server().getRequestCount() - before) / 20.0;
                long[] verify = new long[samples * repeats];
                long[] raw = new long[samples * repeats];
                double[] ratios = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    long[] v = new long[samples];
                    long[] f = new long[samples];
                    for (int i = 0; i < samples; i++) {
                        VerificationRequest request = scenario.request(server);
                        long t0 = System.nanoTime();
                        Status status = verifier.verify(request).status();
                        v[i] = System.nanoTime() - t0;
                        if (status.transientFault()) {
                            throw new IllegalStateException(scenario + " failed: " + status);
                        }
                        long t1 = System.nanoTime();
                        get(client, floor);
                        f[i] = System.nanoTime() - t1;
                    }
                    ratios[r] = Stats.of(v).median() / Stats.of(f).median();
                    System.arraycopy(v, 0, verify, r * samples, samples);
                    System.arraycopy(f, 0, raw, r * samples, samples);
                }
                Stats sv = Stats.of(verify);
                Stats sf = Stats.of(raw);
                Stats sr = Stats.of(toNanosLike(ratios));
                double ratio = sv.median() / sf.median();
                System.out.printf("   %-24s %12s %12s %12s %12s %7.3fx %8.3f–%.3fx %9.1f%n", scenario.name().toLowerCase(),
                        Stats.ms(sv.median()), Stats.ms(sv.p90()), Stats.ms(sf.median()), Stats.ms(sf.p90()), ratio,
                        sr.min() / 1e6, sr.max() / 1e6, perVerification);
                double target = scenario == Scenario.GITLAB_PAT ? 1.25 : 1.10;
                summary.add(String.format("%-24s %.3fx floor (target ≤ %.2fx) %s; %.1f request(s) per verification",
                        scenario.name().toLowerCase(), ratio, target, ratio <= target ? "MET" : "NOT MET", perVerification));
                if (scenario == Scenario.GITHUB_CLASSIC) {
                    githubWarm = sv.median();
                }
            }
        }
        System.out.println();
        return githubWarm;
    }

    /** Ratios as fixed-point "nanos" so that Stats can sort them. */
    private static long[] toNanosLike(double[] ratios) {
        long[] fixed = new long[ratios.length];
        for (int i = 0; i < ratios.length; i++) {
            fixed[i] = Math.round(ratios[i] * 1e6);
        }
        return fixed;
    }

    private static void get(OkHttpClient client, Request request) throws Exception {
        try (Response response = client.newCall(request).execute()) {
            response.body().string();
        }
    }

    /** 2. The first verification in a fresh JVM (class loading, client creation) vs a warm one. */
    private void coldStart(double warmNanos) throws Exception {
        System.out.println("2. Cold start: first verification in a fresh JVM (GitHub classic)");
        try (ProviderServer server = provider(latencyMillis)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long[] first = new long[repeats];
            long[] second = new long[repeats];
            for (int r = 0; r < repeats; r++) {
                Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                                ColdStart.class.getName(), server.url("/api/v3").toString())
                        .redirectErrorStream(true)
                        .start();
                String[] out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        .strip()
                        .split(" ");
                process.waitFor();
                first[r] = Long.parseLong(out[0]);
                second[r] = Long.parseLong(out[1]);
            }
            Stats cold = Stats.of(first);
            System.out.printf("   first in a fresh JVM: median %s (spread %s–%s); second in that JVM: %s;"
                            + " warm (section 1): %s; cold/warm %.1fx%n%n",
                    Stats.ms(cold.median()), Stats.ms(cold.min()), Stats.ms(cold.max()),
                    Stats.ms(Stats.of(second).median()), Stats.ms(warmNanos), cold.median() / warmNanos);
            summary.add(String.format("cold start               %s, %.1fx a warm verification (no target)",
                    Stats.ms(cold.median()), cold.median() / warmNanos));
        }
    }

    /** 3. Many tokens over two hosts at the default concurrency, against tokens × latency ÷ concurrency. */
    private void bulk(int tokens) throws Exception {
        int hosts = 2;
        int concurrency = BulkVerifier.DEFAULT_PER_HOST * hosts;
        int rounds = tokens >= 10_000 ? 1 : Math.min(repeats, 3);
        System.out.printf("3. Bulk: %,d tokens over %d hosts, %d per host (%d in flight)%n", tokens, hosts,
                BulkVerifier.DEFAULT_PER_HOST, concurrency);
        double ideal = (double) tokens * latencyMillis / concurrency;
        long[] walls = new long[rounds];
        int peakThreads = 0;
        int baseline = 0;
        long peakHeap = 0;
        int connections = 0;
        for (int r = 0; r < rounds; r++) {
            try (ProviderServer a = provider(latencyMillis);
                    ProviderServer b = provider(latencyMillis)) {
                Verifier verifier = new Verifier(Http.defaultClient(), Clock.systemUTC(),
                        new VerdictCache(Verifier.DEFAULT_CACHE_TTL, Clock.systemUTC()));
                BulkVerifier bulk = new BulkVerifier(verifier, BulkVerifier.DEFAULT_PER_HOST,
                        BulkVerifier.DEFAULT_RATE_LIMIT_FLOOR, Clock.systemUTC());
                Map<Integer, VerificationRequest> requests = new LinkedHashMap<>();
                for (int i = 0; i < tokens; i++) {
                    requests.put(i, Scenario.GITHUB_CLASSIC.request(i % 2 == 0 ? a : b));
                }
                baseline = clientThreads();
                Sampler sampler = new Sampler();
                sampler.start();
                AtomicLong valid = new AtomicLong();
                long start = System.nanoTime();
                bulk.verifyAll(requests, Duration.ofMinutes(10), result -> {
                    if (result.verdict().status() == Status.VALID) {
                        valid.incrementAndGet();
                    }
                });
                walls[r] = System.nanoTime() - start;
                sampler.stop();
                if (valid.get() != tokens) {
                    throw new IllegalStateException("only " + valid + " of " + tokens + " valid");
                }
                peakThreads = Math.max(peakThreads, sampler.peakThreads.get());
                peakHeap = Math.max(peakHeap, sampler.peakHeap.get());
                connections = Math.max(connections, a.connections() + b.connections());
            }
        }
        Stats wall = Stats.of(walls);
        double ratio = wall.median() / (ideal * 1e6);
        System.out.printf("   wall median %s (spread %s–%s) vs ideal %.0f ms: %.3fx; peak client threads %d"
                        + " (%d before the run, +%d); peak heap %d MiB; connections opened %d%n%n",
                Stats.ms(wall.median()), Stats.ms(wall.min()), Stats.ms(wall.max()), ideal, ratio, peakThreads,
                baseline, peakThreads - baseline, peakHeap >> 20, connections);
        summary.add(String.format("bulk %,6d tokens         %.3fx ideal (target ≤ 1.25x) %s; +%d threads (target ≤ %d) %s;"
                        + " %d connections", tokens, ratio, ratio <= 1.25 ? "MET" : "NOT MET", peakThreads - baseline,
                concurrency + 8, peakThreads - baseline <= concurrency + 8 ? "MET" : "NOT MET", connections));
    }

    /** Threads of the client side: everything but the server servers' own. */
    private static int clientThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("MockWebServer") && !t.getName().equals("bench-sampler"))
                .count();
    }

    /** Samples client threads and heap while a bulk run goes on. */
    private static final class Sampler {
        final java.util.concurrent.atomic.AtomicInteger peakThreads = new java.util.concurrent.atomic.AtomicInteger();
        final AtomicLong peakHeap = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::loop, "bench-sampler");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        private void loop() {
            while (running.get()) {
                peakThreads.accumulateAndGet(clientThreads(), Math::max);
                peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** 4. A repeated verification within the cache window: time per call and requests sent. */
    private void cacheHit() throws Exception {
        System.out.println("4. Cache hit: the same verification again within the cache window");
        try (ProviderServer server = provider(latencyMillis)) {
            Verifier verifier = new Verifier(Http.defaultClient(), Clock.systemUTC(),
                    new VerdictCache(Duration.ofMinutes(10), Clock.systemUTC()));
            VerificationRequest request = Scenario.GITHUB_CLASSIC.request(server);
            verifier.verify(request);
            int before = server.server().getRequestCount();
            int calls = quick ? 2_000 : 10_000;
            long[] medians = new long[repeats];
            for (int r = 0; r < repeats; r++) {
                long[] each = new long[calls];
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    verifier.verify(request);
                    each[i] = System.nanoTime() - t0;
                }
                medians[r] = (long) Stats.of(each).median();
            }
            Stats s = Stats.of(medians);
            int sent = server.server().getRequestCount() - before;
            System.out.printf("   median per call %s (spread of round medians %s–%s); requests sent %d%n%n",
                    Stats.us(s.median()), Stats.us(s.min()), Stats.us(s.max()), sent);
            summary.add(String.format("cache hit                %s (target < 50 µs) %s; %d requests (target 0) %s",
                    Stats.us(s.median()), s.median() < 50_000 ? "MET" : "NOT MET", sent, sent == 0 ? "MET" : "NOT MET"));
        }
    }

    /** 5. Heap kept per cached verdict, and heap after many uncached verifications (no growth after GC). */
    private void memory() throws Exception {
        System.out.println("5. Memory");
        int count = quick ? 2_000 : 10_000;
        int cachedCount = count / 2;
        try (ProviderServer server = provider(0)) {
            VerdictCache cache = new VerdictCache(Duration.ofMinutes(30), Clock.systemUTC());
            Verifier cached = new Verifier(Http.defaultClient(), Clock.systemUTC(), cache);
            BulkVerifier bulk = new BulkVerifier(cached, 8, 0, Clock.systemUTC());
            Map<Integer, VerificationRequest> requests = new LinkedHashMap<>();
            for (int i = 0; i < cachedCount; i++) {
                requests.put(i, Scenario.GITHUB_CLASSIC.request(server));
            }
            bulk.verifyAll(Map.of(-1, Scenario.GITHUB_CLASSIC.request(server)), Duration.ofMinutes(1), r -> {});
            long before = usedAfterGc(server);
            bulk.verifyAll(requests, Duration.ofMinutes(10), r -> {});
            long filled = usedAfterGc(server);
            int entries = cache.size();
            cache.clear();
            long cleared = usedAfterGc(server);
            System.out.printf("   %,d cached verdicts: %+d KiB, %.0f bytes each; after clearing the cache: %+d KiB%n",
                    entries, (filled - before) >> 10, (double) (filled - before) / entries, (cleared - before) >> 10);
            summary.add(String.format("cached verdict           %.0f bytes each (no target)", (double) (filled - before) / entries));

            Verifier uncached = uncached(Http.defaultClient());
            for (int i = 0; i < 200; i++) {
                uncached.verify(Scenario.GITHUB_CLASSIC.request(server));
            }
            long start = usedAfterGc(server);
            long[] checkpoints = new long[4];
            for (int c = 0; c < checkpoints.length; c++) {
                for (int i = 0; i < count / checkpoints.length; i++) {
                    uncached.verify(Scenario.GITHUB_CLASSIC.request(server));
                }
                checkpoints[c] = usedAfterGc(server) - start;
            }
            System.out.printf("   heap after GC over %,d uncached verifications, at each quarter: %s KiB%n%n", count,
                    java.util.Arrays.stream(checkpoints).mapToObj(b -> String.format("%+d", b >> 10)).toList());
            long growth = checkpoints[checkpoints.length - 1];
            summary.add(String.format("heap growth              %+d KiB after %,d verifications (target: none beyond noise, < 1 MiB) %s",
                    growth >> 10, count, growth < (1 << 20) ? "MET" : "NOT MET"));
        }
    }

    /** Heap in use after collection, the server's record of requests excluded. */
    private static long usedAfterGc(ProviderServer server) throws InterruptedException {
        server.forgetRequests();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
