package io.jenkins.plugins.icr.credentials.health;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Fingerprint;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.credentials.job.IcrJobProperty;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.springframework.security.core.Authentication;

/**
 * The jobs each stored token serves: those whose iCR section (Field 2) picks it, resolved as their builds resolve
 * it, and those whose builds used it, as the credentials plugin records uses (one fingerprint per credential). Built
 * without loading a single build: job configurations are in memory, and each token's uses are one fingerprint file.
 * Lists and counts only name jobs the viewer may read.
 */
@Restricted(NoExternalUse.class)
public final class TokenUsage {
    /** Builds shown per job: the latest ones. */
    private static final int BUILDS_SHOWN = 3;

    /** Jobs named per token and column; the rest are counted, so that a page stays readable at any size. */
    static final int JOBS_SHOWN = 20;

    private final List<StoredToken> tokens;
    private final Map<String, Set<String>> picking = new TreeMap<>();
    private final Map<String, Map<String, List<Integer>>> using = new TreeMap<>();

    private TokenUsage(List<StoredToken> tokens) {
        this.tokens = tokens;
    }

    /** Looks everything up as the system; what is shown is filtered for the viewer afterwards. */
    @NonNull
    public static TokenUsage compute() {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            TokenUsage usage = new TokenUsage(TokenLocations.all());
            usage.findPicks();
            usage.findUses();
            return usage;
        }
    }

    /**
     * Resolves each job's Field 2 as its builds do (findCredentialByIdInItem with the job's default authentication),
     * once per folder, ID and authentication: the system and folder stores resolve an ID by the job's folder alone.
     */
    private void findPicks() {
        Map<IcrVcsToken, String> stored = new IdentityHashMap<>();
        tokens.forEach(t -> stored.put(t.token(), t.credentialUrl()));
        Map<List<Object>, Optional<String>> resolved = new HashMap<>();
        for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
            IcrJobProperty icr = job.getProperty(IcrJobProperty.class);
            String id = icr == null ? null : Util.fixEmptyAndTrim(icr.getVcsCredentialsId());
            if (id == null || id.startsWith("${")) {
                continue;
            }
            Authentication as = job instanceof Queue.Task task ? task.getDefaultAuthentication2() : ACL.SYSTEM2;
            String url = resolved.computeIfAbsent(
                            List.of(job.getParent(), id, as.getName()),
                            k -> Optional.ofNullable(stored.get(CredentialsProvider.findCredentialByIdInItem(
                                    id, IcrVcsToken.class, job, as, List.of()))))
                    .orElse(null);
            if (url != null) {
                picking.computeIfAbsent(url, k -> new TreeSet<>()).add(job.getFullName());
            }
        }
    }

    private void findUses() {
        for (StoredToken token : tokens) {
            Fingerprint fingerprint;
            try {
                fingerprint = CredentialsProvider.getFingerprintOf(token.token());
            } catch (IOException e) {
                continue; // no record of use is readable: nothing to show
            }
            if (fingerprint == null) {
                continue;
            }
            Map<String, List<Integer>> builds = using.computeIfAbsent(token.credentialUrl(), k -> new TreeMap<>());
            for (String job : fingerprint.getJobs()) {
                builds.put(
                        job,
                        StreamSupport.stream(
                                        fingerprint
                                                .getRangeSet(job)
                                                .listNumbersReverse()
                                                .spliterator(),
                                        false)
                                .limit(BUILDS_SHOWN)
                                .toList());
            }
        }
    }

    /** One token's line of the health page: at most {@link #JOBS_SHOWN} jobs a column, and how many more. */
    @Restricted(NoExternalUse.class)
    public record Row(StoredToken token, List<JobLink> picking, int morePicking, List<JobLink> using, int moreUsing) {
        public String getCredentialId() {
            return token.id();
        }

        public String getCredentialUrl() {
            return token.credentialUrl();
        }

        public String getStoreName() {
            return token.storeName();
        }
    }

    /** A job the viewer may open, and the latest builds that used the token (empty for a pick). */
    @Restricted(NoExternalUse.class)
    public record JobLink(String name, String url, List<Integer> builds) {}

    /** Every token the viewer may see, with the jobs it serves that the viewer may read, tokens in ID order. */
    @NonNull
    public List<Row> getRows() {
        return tokens.stream()
                .filter(t -> RecordAccess.mayView(t.contextName()))
                .sorted(Comparator.comparing(StoredToken::id).thenComparing(StoredToken::credentialUrl))
                .map(this::row)
                .toList();
    }

    private Row row(StoredToken token) {
        Map<String, List<Integer>> builds = using.getOrDefault(token.credentialUrl(), Map.of());
        List<JobLink> picks = readable(picking.getOrDefault(token.credentialUrl(), Set.of()), Map.of());
        List<JobLink> uses = readable(builds.keySet(), builds);
        return new Row(
                token,
                first(picks),
                picks.size() - first(picks).size(),
                first(uses),
                uses.size() - first(uses).size());
    }

    private static List<JobLink> first(List<JobLink> links) {
        return links.subList(0, Math.min(links.size(), JOBS_SHOWN));
    }

    /** How many jobs the viewer may read pick or used the token at this credential page. */
    public int jobCount(@NonNull String credentialUrl) {
        Set<String> jobs = new TreeSet<>(picking.getOrDefault(credentialUrl, Set.of()));
        jobs.addAll(using.getOrDefault(credentialUrl, Map.of()).keySet());
        Jenkins jenkins = Jenkins.get();
        return (int) jobs.stream()
                .filter(name -> jenkins.getItemByFullName(name, Job.class) != null)
                .count();
    }

    /** The same, for a credential's own form. */
    public int jobCount(@NonNull IcrVcsToken credential) {
        return tokens.stream()
                .filter(t -> t.token() == credential)
                .mapToInt(t -> jobCount(t.credentialUrl()))
                .sum();
    }

    /** "used by 12 jobs", for the monitor and the form. */
    @NonNull
    public String usedBy(int jobs) {
        return Messages.TokenUsage_UsedBy(jobs);
    }

    /** Jenkins hands out only the jobs the current user may read; a deleted job is gone too. */
    private static List<JobLink> readable(Set<String> names, Map<String, List<Integer>> builds) {
        List<JobLink> links = new ArrayList<>();
        Jenkins jenkins = Jenkins.get();
        for (String name : names) {
            Job<?, ?> job = jenkins.getItemByFullName(name, Job.class);
            if (job != null) {
                links.add(new JobLink(job.getFullDisplayName(), job.getUrl(), builds.getOrDefault(name, List.of())));
            }
        }
        return links;
    }
}
