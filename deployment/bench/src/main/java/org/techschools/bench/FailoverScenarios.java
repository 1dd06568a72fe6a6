package org.techschools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Issue 21 (4): failures of one part of the cluster ({@code deployment/local/up --cluster}) while the crash scenarios'
 * stream of records goes in through the front door: one Kafka node killed, one instance of each service killed, every
 * instance restarted in turn. Each adds to what every crash-scenario run checks (every record stored, published,
 * registered and counted once, every planted double alerted once) that the client saw every request answered 2xx.
 */
final class FailoverScenarios {

    private static final long SECOND = CrashScenarios.SECOND;
    /** Each service's consumer group is named after the service. */
    private static final List<String> GROUPS = Faults.SERVICES;
    private static final long TAKEOVER_GOAL_NANOS = 30 * SECOND;
    /**
     * The rolling restart's steady load besides the batches: each of two clients pushes a single record every 50 ms,
     * one client reads from each service every 300 ms (paced: clients in a closed loop took the two cores from the
     * restarting instances).
     */
    private static final long PUSH_EVERY_MILLIS = 50;
    private static final long READ_EVERY_MILLIS = 300;

    private final LocalPlatform platform;
    private final Faults faults;

    FailoverScenarios(LocalPlatform platform) {
        if (!platform.isCluster()) {
            throw new IllegalStateException("the failover scenarios run on the cluster: deployment/local/up --cluster first");
        }
        this.platform = platform;
        this.faults = new Faults(platform);
    }

    /**
     * (a) kill -9 the Kafka node that is the active controller (it leads partitions too) at a quarter of the push. It
     * stays down for the rest of the push and until every consumer has caught up, so the platform runs on two of three
     * brokers, exactly min.insync.replicas; then it is started again and must catch up its replicas.
     */
    boolean brokerFailover(int records) throws Exception {
        AtomicReference<String> killed = new AtomicReference<>();
        FrontDoorLog door = FrontDoorLog.fromNow(platform);
        return CrashScenarios.run(platform, "failover-broker: kill -9 the active controller, one Kafka node of three, under load",
                "FB", records, (stream, report) -> {
                    int controller;
                    try (Admin admin = admin()) {
                        controller = admin.describeMetadataQuorum().quorumInfo().get().leaderId();
                    }
                    String node = "kafka-" + controller;
                    faults.kill(node);
                    long at = System.nanoTime();
                    killed.set(node);
                    report.row(node + " (active controller) killed at accepted records", stream.acceptedCount());
                    long elected = awaitLeadersWithout(controller, 60);
                    report.row("  new controller, every partition led by a live node (s)", elected < 0 ? "not within 60" : CrashScenarios.seconds(elected - at));
                    report.promise(elected >= 0, "a new controller and partition leaders within 60 s of the kill");
                }, (stream, report) -> {
                    everyAnswerSucceeded(stream, door, report);
                    if (killed.get() == null) {
                        return;
                    }
                    long starting = System.nanoTime();
                    faults.startInfrastructure();
                    long inSync = awaitAllReplicasInSync(120);
                    report.row(killed.get() + " started again after the run: all replicas in sync after (s)",
                            inSync < 0 ? "not within 120" : CrashScenarios.seconds(inSync - starting));
                    report.promise(inSync >= 0, "the restarted node catches up: every partition has all its replicas in sync within 120 s");
                });
    }

    /**
     * (b) kill -9 the first instance of each service at once at a quarter of the push. Measured from the bench with the
     * AdminClient: the time until each service's consumer group is stable again without the killed members and with
     * every partition assigned (goal: 30 s), and until the committed offset moves on a partition the killed instance
     * held that had records waiting. The killed instances are started again once that is measured.
     */
    boolean instanceFailover(int records) throws Exception {
        FrontDoorLog door = FrontDoorLog.fromNow(platform);
        return CrashScenarios.run(platform, "failover-instance: kill -9 one instance of each service under load", "FI", records,
                (stream, report) -> {
                    List<String> victims = GROUPS.stream().map(service -> service + "-1").toList();
                    try (Admin admin = admin()) {
                        Map<String, ConsumerGroupDescription> before = awaitStable(admin, 60);
                        Map<String, Long> pids = new HashMap<>();
                        for (String victim : victims) {
                            pids.put(victim, faults.pid(victim).orElseThrow(() -> new IllegalStateException(victim + " is not running")));
                        }
                        long at = System.nanoTime();
                        victims.forEach(victim -> faults.killAt(victim, pids.get(victim)));
                        report.row("*-service-1 killed (kill -9) at accepted records", stream.acceptedCount());
                        Map<String, Long> reassigned = new TreeMap<>();
                        Map<String, String> resumed = new TreeMap<>();
                        awaitTakeover(admin, before, at, reassigned, resumed);
                        for (String group : GROUPS) {
                            Long took = reassigned.get(group);
                            report.row("  " + group + ": reassigned after the kill (s)", took == null ? "not within 90" : CrashScenarios.seconds(took));
                            report.row("  " + group + ": offsets move again after (s)", resumed.getOrDefault(group, "not within 90"));
                            report.promise(took != null && took <= TAKEOVER_GOAL_NANOS,
                                    group + ": the other instance takes over the killed one's partitions within 30 s");
                        }
                    }
                    long starting = System.nanoTime();
                    faults.startMissing();
                    report.row("killed instances started again, ready after (s)", CrashScenarios.seconds(System.nanoTime() - starting));
                }, (stream, report) -> everyAnswerSucceeded(stream, door, report));
    }

    /**
     * (c) every instance in turn stopped (SIGTERM: it finishes its requests and answers new ones 503 for up to 10 s),
     * started and waited for until ready and serving through the front door, then the next, from a quarter of the push
     * on. Besides the batch push, two clients push single records and one reads from each service through the front
     * door until the last instance is back: no request may fail.
     */
    boolean rollingRestart(int records) throws Exception {
        FrontDoorLog door = FrontDoorLog.fromNow(platform);
        return CrashScenarios.run(platform, "rolling-restart: every instance stopped, started and ready in turn, under load", "RR", records,
                (stream, report) -> {
                    AtomicBoolean loading = new AtomicBoolean(true);
                    AtomicLong reads = new AtomicLong();
                    Map<String, AtomicLong> failedReads = new TreeMap<>();
                    GROUPS.forEach(service -> failedReads.put(service, new AtomicLong()));
                    AtomicReference<Exception> loadFailure = new AtomicReference<>();
                    List<Thread> load = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        load.add(new Thread(() -> CrashScenarios.every(loading, loadFailure, PUSH_EVERY_MILLIS, stream::probe), "rr-push-" + i));
                    }
                    Map<String, String> readUrls = readUrls(stream);
                    Map<String, String> readTokens = Map.of("enrollment-service", platform.token("school", "--school", stream.schoolA),
                            "quota-service", platform.token("province", "--region", "330000"), "registration-service", platform.token("auditor"));
                    load.add(new Thread(() -> CrashScenarios.every(loading, loadFailure, READ_EVERY_MILLIS, () -> {
                        for (var read : readUrls.entrySet()) {
                            reads.incrementAndGet();
                            try {
                                if (platform.get(read.getValue(), readTokens.get(read.getKey())).statusCode() != 200) {
                                    failedReads.get(read.getKey()).incrementAndGet();
                                }
                            } catch (IOException e) {
                                failedReads.get(read.getKey()).incrementAndGet();
                            }
                        }
                    }), "rr-read"));
                    load.forEach(Thread::start);
                    long first = System.nanoTime();
                    int duringPush = 0;
                    try {
                        for (var instance : platform.processUrls().entrySet()) {
                            boolean pushing = stream.acceptedCount() < stream.records;
                            long stopping = System.nanoTime();
                            faults.stop(instance.getKey());
                            long stopped = System.nanoTime();
                            FrontDoorLog restarted = FrontDoorLog.fromNow(platform);
                            faults.startMissing();
                            long ready = System.nanoTime();
                            // nginx learns that an instance is back only by sending it a request once fail_timeout is
                            // over: stopping the other one before that would leave none it believes alive.
                            boolean serving = restarted.awaitServedBy(instance.getValue().replace("http://", ""), 60);
                            report.row("  " + instance.getKey() + ": stop / start to ready / to served (s)", CrashScenarios.seconds(stopped - stopping)
                                    + " / " + CrashScenarios.seconds(ready - stopped) + " / " + CrashScenarios.seconds(System.nanoTime() - ready));
                            report.promise(serving, instance.getKey() + " serves requests through the front door within 60 s of ready");
                            duringPush += pushing ? 1 : 0;
                        }
                    } finally {
                        loading.set(false);
                        for (Thread t : load) {
                            t.join();
                        }
                    }
                    report.row("all six restarted in (s); restarts begun while the batches went in",
                            CrashScenarios.seconds(System.nanoTime() - first) + "; " + duringPush + " of 6");
                    long failed = failedReads.values().stream().mapToLong(AtomicLong::get).sum();
                    report.row("reads through the front door / failed " + failedReads, reads.get() + " / " + failed);
                    report.promise(loadFailure.get() == null, "the load ran (" + loadFailure.get() + ")");
                    report.promise(failed == 0, "every read through the front door answered 200 during the restarts");
                }, (stream, report) -> everyAnswerSucceeded(stream, door, report));
    }

    /** One read per service through the front door, of data the run itself made. */
    private Map<String, String> readUrls(EnrollmentStream stream) {
        return Map.of("enrollment-service", platform.enrollmentUrl() + "/api/v1/enrollments/" + stream.schoolA + "/R-0",
                "quota-service", platform.quotaUrl() + "/api/v1/progress?year=2026&province=330000",
                "registration-service", platform.registrationUrl() + "/api/v1/alerts?type=DOUBLE_REGISTRATION&school=" + stream.schoolA + "&limit=1");
    }

    /** The promise all three share: the client never saw a request fail, whatever happened behind the front door. */
    private static void everyAnswerSucceeded(EnrollmentStream stream, FrontDoorLog door, CrashScenarios.Report report) throws Exception {
        List<EnrollmentStream.Answer> answers = List.copyOf(stream.answers);
        long server = answers.stream().filter(a -> a.status() >= 500).count();
        long unanswered = answers.stream().filter(a -> a.status() == -1).count();
        long other = answers.stream().filter(a -> a.status() != -1 && a.status() < 500 && a.status() / 100 != 2).count();
        report.row("pushes (batch and single) / failed: 5xx, no answer, other", answers.size() + " / " + server + ", " + unanswered + ", " + other);
        report.row("requests nginx passed on to the other instance", door.retried());
        report.promise(server == 0 && unanswered == 0 && other == 0,
                "every push through the front door was answered 2xx (no 5xx, none unanswered)");
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap()));
    }

    /** Every partition of every topic (the internal ones too) led by a node other than {@code dead}: nanoTime, or -1. */
    private long awaitLeadersWithout(int dead, int boundSeconds) throws Exception {
        return awaitPartitions(boundSeconds, p -> p.leader() != null && p.leader().id() != dead);
    }

    /** Every partition with all its replicas in sync: nanoTime, or -1 after the bound. */
    private long awaitAllReplicasInSync(int boundSeconds) throws Exception {
        return awaitPartitions(boundSeconds, p -> p.isr().size() == p.replicas().size());
    }

    private long awaitPartitions(int boundSeconds, java.util.function.Predicate<TopicPartitionInfo> healthy) throws Exception {
        long deadline = System.nanoTime() + boundSeconds * SECOND;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
                    Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
                    if (described.values().stream().flatMap(t -> t.partitions().stream()).allMatch(healthy)) {
                        return System.nanoTime();
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    // The metadata moves while a node comes and goes: ask again.
                }
                Thread.sleep(200);
            }
        }
        return -1;
    }

    /** The three groups once each is stable with every member assigned partitions (bounded). */
    private static Map<String, ConsumerGroupDescription> awaitStable(Admin admin, int boundSeconds) throws Exception {
        long deadline = System.nanoTime() + boundSeconds * SECOND;
        while (true) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GROUPS).all().get();
            if (groups.values().stream().allMatch(g -> g.groupState() == GroupState.STABLE && !g.members().isEmpty())) {
                return groups;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the consumer groups were not stable within " + boundSeconds + " s: " + groups);
            }
            Thread.sleep(200);
        }
    }

    /**
     * Polls the groups until each is stable again with only members it had before the kill, fewer of them, and every
     * partition it had assigned (reassigned: nanos since the kill); then until the committed offset moves on a partition
     * the killed members held that had records waiting (resumed: seconds, or why there is no figure). 90 s at most.
     */
    private static void awaitTakeover(Admin admin, Map<String, ConsumerGroupDescription> before, long killed,
            Map<String, Long> reassigned, Map<String, String> resumed) throws Exception {
        Map<String, Set<TopicPartition>> orphaned = new HashMap<>();
        Map<String, Map<TopicPartition, Long>> committedAtTakeover = new HashMap<>();
        long deadline = killed + 90 * SECOND;
        while (System.nanoTime() < deadline && resumed.size() < GROUPS.size()) {
            Map<String, ConsumerGroupDescription> now = admin.describeConsumerGroups(GROUPS).all().get();
            for (String group : GROUPS) {
                if (!reassigned.containsKey(group)) {
                    ConsumerGroupDescription was = before.get(group);
                    ConsumerGroupDescription is = now.get(group);
                    Set<String> wasIds = memberIds(was);
                    Set<String> isIds = memberIds(is);
                    if (is.groupState() == GroupState.STABLE && wasIds.containsAll(isIds) && isIds.size() < wasIds.size()
                            && assigned(is).containsAll(assigned(was))) {
                        reassigned.put(group, System.nanoTime() - killed);
                        Set<TopicPartition> held = was.members().stream().filter(m -> !isIds.contains(m.consumerId()))
                                .flatMap(m -> m.assignment().topicPartitions().stream()).collect(Collectors.toSet());
                        Map<TopicPartition, Long> committed = committed(admin, group, held);
                        Map<TopicPartition, Long> ends = ends(admin, held);
                        held.removeIf(tp -> ends.get(tp) <= committed.getOrDefault(tp, 0L));
                        if (held.isEmpty()) {
                            resumed.put(group, "no records were waiting");
                        }
                        orphaned.put(group, held);
                        committedAtTakeover.put(group, committed);
                    }
                } else if (!resumed.containsKey(group)) {
                    Map<TopicPartition, Long> committed = committed(admin, group, orphaned.get(group));
                    Map<TopicPartition, Long> then = committedAtTakeover.get(group);
                    if (orphaned.get(group).stream().anyMatch(tp -> committed.getOrDefault(tp, 0L) > then.getOrDefault(tp, 0L))) {
                        resumed.put(group, CrashScenarios.seconds(System.nanoTime() - killed));
                    }
                }
            }
            Thread.sleep(200);
        }
    }

    private static Set<String> memberIds(ConsumerGroupDescription group) {
        return group.members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
    }

    private static Set<TopicPartition> assigned(ConsumerGroupDescription group) {
        Set<TopicPartition> partitions = new HashSet<>();
        group.members().forEach(m -> partitions.addAll(m.assignment().topicPartitions()));
        return partitions;
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group, Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        partitions.forEach(tp -> {
            OffsetAndMetadata at = all.get(tp);
            offsets.put(tp, at == null ? 0L : at.offset());
        });
        return offsets;
    }

    private static Map<TopicPartition, Long> ends(Admin admin, Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /**
     * nginx's access log of the front door from the start of a run: a request nginx passed to a second instance lists
     * two upstream statuses ({@code us=502, 200}), see the log format deployment/local/up writes.
     */
    private record FrontDoorLog(Path file, long from) {

        static FrontDoorLog fromNow(LocalPlatform platform) throws IOException {
            Path file = platform.root.resolve("deployment/local/.runtime/logs/nginx-access.log");
            return new FrontDoorLog(file, Files.exists(file) ? Files.size(file) : 0);
        }

        /** Waits until the front door has had a 2xx from the instance at {@code address} (host:port); false after the bound. */
        boolean awaitServedBy(String address, int boundSeconds) throws Exception {
            long deadline = System.nanoTime() + boundSeconds * SECOND;
            String servedBy = ".* ua=([^ ]*, )?" + java.util.regex.Pattern.quote(address) + " us=([^ ]*, )?2\\d\\d .*";
            while (System.nanoTime() < deadline) {
                if (Files.exists(file) && linesSince().anyMatch(line -> line.matches(servedBy))) {
                    return true;
                }
                Thread.sleep(500);
            }
            return false;
        }

        private java.util.stream.Stream<String> linesSince() throws IOException {
            try (var in = Files.newInputStream(file)) {
                in.skipNBytes(Math.min(from, Files.size(file)));
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines();
            }
        }

        long retried() throws Exception {
            // nginx writes its buffer at least every second.
            Thread.sleep(1500);
            if (!Files.exists(file)) {
                return 0;
            }
            return linesSince().filter(line -> line.matches(".* us=[^ ]*, .*")).count();
        }
    }
}
