package io.fargatereconciler.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fargatereconciler.api.DashboardProfile;
import io.fargatereconciler.devsim.EmbeddedSimulator;
import io.fargatereconciler.loop.EventsAndLeaseServers;
import io.fargatereconciler.sim.SimulatorAdmin;
import io.fargatereconciler.sim.TaskSnapshot;
import io.fargatereconciler.testing.ElasticMq;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The alert rules ({@code deploy/prometheus/alerts.yaml}) and the Grafana dashboard
 * ({@code deploy/grafana/fargate-reconciler.json}) name only metrics the daemon exports: each name is checked against a
 * real scrape of {@code /q/metrics} after the daemon went through launches, a stopped copy, ENI failures, a Job run
 * and an unreadable task-state event.
 */
@QuarkusTest
@TestProfile(DashboardProfile.class)
class MonitoringMetricsExistTest {
    private static final Path ALERTS = Path.of("deploy/prometheus/alerts.yaml");
    private static final Path DASHBOARD = Path.of("deploy/grafana/fargate-reconciler.json");
    private static final Pattern METRIC = Pattern.compile("\\breconciler_[a-z0-9_]+");
    private static final List<String> API_SUBNETS = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829",
            "subnet-0c3d4e5f607182930");

    @Inject
    EmbeddedSimulator simulator;

    ElasticMq sqs;

    @Test
    void grafanaDashboardIsValidJsonWithAQueryInEveryPanel() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());

        assertThat(dashboard.path("title").asText()).isEqualTo("fargate-reconciler");
        List<JsonNode> graphs = dashboard.path("panels").findParents("targets");
        assertThat(graphs).hasSizeGreaterThan(15).allSatisfy(panel -> assertThat(panel.path("targets"))
                .as(panel.path("title").asText()).isNotEmpty()
                .allSatisfy(target -> assertThat(target.path("expr").asText()).contains("reconciler_")));
        Set<Integer> ids = dashboard.path("panels").findValues("id").stream().map(JsonNode::asInt)
                .collect(Collectors.toSet());
        assertThat(ids).as("panel ids are unique").hasSize(dashboard.path("panels").size());
    }

    @Test
    void everyMetricTheAlertRulesAndTheGrafanaDashboardNameIsInARealScrape() throws IOException {
        // given a daemon that converged, saw a person stop a copy, met ENI failures, ran a Job and an unreadable event
        SimulatorAdmin admin = simulator.simulator().admin();
        await().atMost(Duration.ofSeconds(60)).until(() -> runningApiCopies(admin).size() == 3);
        API_SUBNETS.forEach(admin::startEniOutage);
        try {
            admin.stopTask(runningApiCopies(admin).get(0).taskArn(), "trying the reconciler");
            await().atMost(Duration.ofSeconds(60)).until(() -> scrape().contains("reconciler_eni_failures_total{"));
        } finally {
            API_SUBNETS.forEach(admin::endEniOutage);
        }
        String queueUrl = sqs.client().getQueueUrl(r -> r.queueName(EventsAndLeaseServers.QUEUE)).queueUrl();
        sqs.send(queueUrl, "{\"not\": \"an ECS event\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> scrape().contains("reconciler_job_runs_total{")
                && scrape().lines().anyMatch(line -> line.startsWith("reconciler_events_total{outcome=\"unparseable\"}")
                && !line.endsWith(" 0.0")));

        // when Prometheus would scrape it
        Set<String> exported = scrape().lines().filter(line -> line.startsWith("reconciler_"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));

        // then every metric the rules and the dashboard query is among them
        Set<String> named = new TreeSet<>();
        for (JsonNode rule : new YAMLMapper().readTree(ALERTS.toFile()).findValues("rules").get(0)) {
            named.addAll(metricsIn(rule.path("expr").asText()));
        }
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        for (String field : List.of("expr", "query", "definition")) {
            dashboard.findValues(field).forEach(value -> named.addAll(metricsIn(value.toString())));
        }
        assertThat(named).hasSizeGreaterThan(20);
        assertThat(exported).as("metrics exported by /q/metrics").containsAll(named);
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static List<TaskSnapshot> runningApiCopies(SimulatorAdmin admin) {
        return admin.tasks("payments-prod").stream()
                .filter(task -> "payments-api".equals(task.family()) && "RUNNING".equals(task.lastStatus())).toList();
    }

    private static Set<String> metricsIn(String expression) {
        Matcher matcher = METRIC.matcher(expression);
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
