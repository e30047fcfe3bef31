package io.fargatereconciler.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.testing.HeadlessChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard of a replica that does not lead, in headless Chromium: it says so and names the leader. */
@QuarkusTest
@TestProfile(StandbyProfile.class)
class StandbyDashboardBrowserTest {

    @TestHTTPResource("/")
    URL dashboard;

    @Test
    void saysThisReplicaIsAStandbyAndNamesTheLeaderWhileShowingWhatItObserves() {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            // given another replica holds the lease
            ChromeDriver browser = chromium.driver();

            // when a person opens this replica's page
            browser.get(dashboard.toString());

            // then it says this replica is a standby and who leads, and still shows the groups as it observes them
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> !driver.findElements(
                    By.cssSelector("#groups tr[data-group='payments-api'] [data-field='desired']")).isEmpty()
                    && driver.findElement(By.id("leader")).getText().startsWith("STANDBY"));
            assertThat(browser.findElement(By.id("leader")).getText())
                    .isEqualTo("STANDBY · leader is " + StandbyProfile.LEADER);
            assertThat(browser.findElement(By.id("standby")).getText())
                    .startsWith("This replica (" + StandbyProfile.REPLICA + ") is a standby: it observes and plans but"
                            + " launches and stops nothing. The leader is " + StandbyProfile.LEADER + ", since ");
            assertThat(browser.findElement(By.cssSelector(
                    "#groups tr[data-group='payments-api'] [data-field='desired']")).getText()).isEqualTo("3");
            assertThat(browser.findElement(By.cssSelector(
                    "#groups tr[data-group='payments-api'] [data-field='running']")).getText()).isEqualTo("0");
        }
    }
}
