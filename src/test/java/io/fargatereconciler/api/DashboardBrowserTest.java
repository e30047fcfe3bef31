package io.fargatereconciler.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.devsim.EmbeddedSimulator;
import io.fargatereconciler.sim.SimulatorAdmin;
import io.fargatereconciler.sim.TaskSnapshot;
import io.fargatereconciler.testing.HeadlessChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium against the daemon on the embedded simulator, read as a person reads it: the
 * counts, conditions and events it shows are checked against what the simulator (standing in for ECS) and the status
 * API say. The steps share one daemon and run in order: converge, a stopped copy comes back, a group degrades, the
 * status API cannot be reached, a team's edit is refused.
 */
@QuarkusTest
@TestProfile(DashboardProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String CLUSTER = "payments-prod";
    private static final String API = "payments-api";
    private static final String RELAY = "payments-webhook-relay";
    private static final List<String> RELAY_SUBNETS = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829");
    private static HeadlessChromium chromium;

    @Inject
    EmbeddedSimulator simulator;

    @TestHTTPResource("/")
    URL dashboard;

    @TestHTTPResource("/ui")
    URL ui;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void showsTheExampleGroupsConvergingWithTheCountsEcsReports() {
        // given the daemon reconciling the example desired state from nothing
        // when a person opens /ui
        browser().get(ui.toString());

        // then the page (at /) shows each group reaching its desired copies, as many as the simulator has RUNNING
        assertThat(browser().getCurrentUrl()).isEqualTo(dashboard.toString());
        waitUntil(() -> running(API) == 3 && running(RELAY) == 1 && runningInEcs(API) == 3 && runningInEcs(RELAY) == 1
                && "Healthy".equals(row(API).getAttribute("data-status")));
        assertThat(running(API)).isEqualTo(runningInEcs(API));
        assertThat(running(RELAY)).isEqualTo(runningInEcs(RELAY));
        assertThat(count(API, "desired")).isEqualTo(3);
        assertThat(count(RELAY, "desired")).isEqualTo(1);
        assertThat(text("#tile-copies .value")).isEqualTo("4 / 4");
        // and every count of every group is the status API's
        waitUntil(() -> pageMatchesStatusApi(API) && pageMatchesStatusApi(RELAY));
        // and it says this replica leads, which desired state is in force, and the Jobs with their next run
        assertThat(text("#leader")).startsWith("this replica leads");
        String revision = given().get("/api/v1/desired-state").jsonPath().getString("inForce.revision");
        assertThat(text("#desired-state")).contains(revision.substring(0, 12)).contains("2 groups, 2 jobs");
        assertThat(browser().findElement(By.cssSelector("tr[data-job='nightly-export'] [data-field='next-run'] time"))
                .getAttribute("datetime")).isEqualTo(given().get("/api/v1/jobs/nightly-export").jsonPath()
                .getString("nextScheduleTime"));
        waitUntil(() -> text("tr[data-job='ledger-backfill'] [data-field='last-run']").startsWith("last: Succeeded"));
    }

    @Test
    @Order(2)
    void showsACopyStoppedThroughTheSimulatorAsAnEventAndItsReplacementComingBack() {
        // given the payments API converged on the page
        browser().get(dashboard.toString());
        waitUntil(() -> running(API) == 3);
        Set<String> before = runningArns(API);
        String victim = before.iterator().next();

        // when a person stops one copy through the simulator (as with the console or the AWS CLI)
        admin().stopTask(victim, "trying the reconciler");

        // then its stop shows as an event naming the task, and a new copy is launched and counted as running again
        waitUntil(() -> !browser().findElements(By.cssSelector(
                "#events tr[data-event='Stopped'][data-task='" + victim + "']")).isEmpty());
        assertThat(text("#events tr[data-event='Stopped'][data-task='" + victim + "']")).contains("trying the reconciler");
        waitUntil(() -> runningInEcs(API) == 3 && running(API) == 3 && launchedEventFor(API, before));
        assertThat(runningArns(API)).doesNotContain(victim);
    }

    @Test
    @Order(3)
    void showsTheReasonOfADegradedGroup() throws IOException {
        // given every subnet of the webhook relay fails to provision network interfaces
        browser().get(dashboard.toString());
        waitUntil(() -> running(RELAY) == 1);
        RELAY_SUBNETS.forEach(subnet -> admin().startEniOutage(subnet));
        try {
            // when its only copy is stopped, so its replacements cannot start
            admin().stopTask(runningArns(RELAY).iterator().next(), "trying the reconciler");

            // then the page shows the group Degraded with the reason and message the status API gives
            waitUntil(() -> "Degraded".equals(row(RELAY).getAttribute("data-status")));
            WebElement degraded = row(RELAY).findElement(By.cssSelector(".condition[data-type='Degraded']"));
            JsonPath relay = given().get("/api/v1/groups/" + RELAY).jsonPath();
            assertThat(degraded.getAttribute("data-reason"))
                    .isEqualTo(relay.getString("conditions.find { it.type == 'Degraded' }.reason"))
                    .isEqualTo("EniProvisioningFailed");
            assertThat(degraded.getText()).contains("Degraded · EniProvisioningFailed")
                    .contains("Timeout waiting for network interface provisioning to complete");
            assertThat(count(RELAY, "running")).isZero();
            assertThat(text("#tile-not-available .value")).isEqualTo("1");
            waitUntil(() -> !browser().findElements(By.cssSelector("#subnets tr[data-subnet='" + RELAY_SUBNETS.get(0)
                    + "']:not([data-state='HEALTHY'])")).isEmpty());
            Path screenshot = chromium.driver().getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(screenshot, Path.of("target/dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            RELAY_SUBNETS.forEach(subnet -> admin().endEniOutage(subnet));
        }
    }

    @Test
    @Order(4)
    void saysWhichCallFailedAndMarksWhatIsStaleWhenTheStatusApiCannotBeReached() {
        // given the page loaded
        browser().get(dashboard.toString());
        waitUntil(() -> running(API) == 3);

        // when its calls to the groups API start failing as if the daemon were unreachable
        browser().executeScript("const real = window.fetch; window.realFetch = real; window.fetch = (url, options) => "
                + "String(url).includes('api/v1/groups') ? Promise.reject(new TypeError('Failed to fetch')) "
                + ": real(url, options);");

        // then it says which call failed and that what it still shows is old, keeping the last counts
        waitUntil(() -> text("#problems").contains("Cannot load api/v1/groups: Failed to fetch"));
        assertThat(text("#problems")).contains("Showing what it said at");
        assertThat(text("#groups-title")).contains("stale");
        assertThat(running(API)).isEqualTo(3);

        // and when the calls work again, the warning goes
        browser().executeScript("window.fetch = window.realFetch;");
        waitUntil(() -> text("#problems").isEmpty() && !text("#groups-title").contains("stale"));
    }

    @Test
    @Order(5)
    void saysWhichTeamIsHeldBackByARefusedEditWhileTheOtherTeamsGroupsKeepRunning() throws IOException {
        // given the page loaded with both teams' files in force
        browser().get(dashboard.toString());
        waitUntil(() -> running(API) == 3 && text("#desired-state").startsWith("desired state"));
        Path folder = Path.of(given().get("/api/v1/desired-state").jsonPath().getString("path"));
        Path refused = folder.resolve("team-data/wrong-cluster.yaml");

        // when the data team commits a group on the payments team's cluster, outside its allowance
        Files.writeString(refused, """
                apiVersion: fargate-reconciler.io/v1alpha1
                kind: TaskGroup
                metadata:
                  name: data-sidecar
                spec:
                  replicas: 1
                  cluster: payments-prod
                  taskDefinition: arn:aws:ecs:eu-west-1:123456789012:task-definition/ledger-export:7
                  launchType: FARGATE
                  network:
                    subnets: [subnet-0d4e5f60718293a4b]
                    securityGroups: [sg-0fedcba9876543210]
                """);
        try {
            // then the page names the team held back and the refused line, as the status API does
            waitUntil(() -> text("#desired-state").contains("held back: team data"));
            assertThat(given().get("/api/v1/desired-state").jsonPath()
                    .getBoolean("inForce.teams.find { it.name == 'data' }.heldBack")).isTrue();
            assertThat(text("#desired-state-errors [data-field='scope']")).startsWith("The latest edit of team data's files")
                    .contains("every other team's edits apply");
            assertThat(text("#desired-state-errors ul")).contains("team-data/wrong-cluster.yaml:7:").contains("cluster");
            // and the payments team's groups keep running as before
            assertThat(running(API)).isEqualTo(3).isEqualTo(runningInEcs(API));
        } finally {
            Files.delete(refused);
        }

        // and when the file goes, the team is no longer held back and the errors go
        waitUntil(() -> !text("#desired-state").contains("held back")
                && !browser().findElement(By.id("desired-state-errors")).isDisplayed());
    }

    private ChromeDriver browser() {
        return chromium.driver();
    }

    private SimulatorAdmin admin() {
        return simulator.simulator().admin();
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser(), PATIENCE).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    private WebElement row(String group) {
        return browser().findElement(By.cssSelector("#groups tr[data-group='" + group + "']"));
    }

    private int count(String group, String field) {
        return Integer.parseInt(row(group).findElement(By.cssSelector("[data-field='" + field + "']")).getText().trim());
    }

    private int running(String group) {
        return count(group, "running");
    }

    private String text(String css) {
        return browser().findElement(By.cssSelector(css)).getText().trim();
    }

    private boolean pageMatchesStatusApi(String group) {
        JsonPath status = given().get("/api/v1/groups/" + group).jsonPath();
        return List.of("running", "desired", "pending", "upToDate", "stopping").stream()
                .allMatch(field -> count(group, field) == status.getInt(field));
    }

    private Set<String> runningArns(String family) {
        return admin().tasks(CLUSTER).stream()
                .filter(task -> family.equals(task.family()) && "RUNNING".equals(task.lastStatus()))
                .map(TaskSnapshot::taskArn).collect(Collectors.toSet());
    }

    private int runningInEcs(String family) {
        return runningArns(family).size();
    }

    /** Whether the events show a launch of a copy of the group that was not running before. */
    private boolean launchedEventFor(String group, Set<String> before) {
        return browser().findElements(By.cssSelector("#events tr[data-event='Launched'][data-group='" + group + "']"))
                .stream().map(row -> row.getAttribute("data-task"))
                .anyMatch(task -> !task.isEmpty() && !before.contains(task));
    }
}
