package io.fargatereconciler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecisionLineTest {
    private static final String CATEGORY = "decision-line-test";
    private final List<ExtLogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord captured = ExtLogRecord.wrap(record);
            captured.copyAll(); // the MDC as it is while the record is published, as a formatter sees it
            records.add(captured);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        org.jboss.logmanager.Logger logger = org.jboss.logmanager.Logger.getLogger(CATEGORY);
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void stopListening() {
        org.jboss.logmanager.Logger logger = org.jboss.logmanager.Logger.getLogger(CATEGORY);
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
    }

    @Test
    void printsTheSameKeyValueMessageAsBeforeAndGivesEachPairToTheJsonFormatAsAKey() {
        // given a launch decision
        DecisionLine line = DecisionLine.group("TaskGroup/api", "launch").with("count", 2).with("result", "started")
                .with("subnets", List.of("subnet-a", "subnet-b")).with("token", "tok-1")
                .quoted("reason", "2 of 3 copies missing");

        // when it is logged
        line.info(Logger.getLogger(CATEGORY));

        // then the message reads as the plain-text lines always did, and the record's MDC holds every pair
        assertThat(records).hasSize(1);
        ExtLogRecord record = records.get(0);
        assertThat(record.getFormattedMessage()).isEqualTo("group=TaskGroup/api action=launch count=2 result=started "
                + "subnets=[subnet-a, subnet-b] token=tok-1 reason=\"2 of 3 copies missing\"");
        assertThat(record.getMdcCopy()).containsEntry("group", "TaskGroup/api").containsEntry("action", "launch")
                .containsEntry("count", "2").containsEntry("result", "started").containsEntry("token", "tok-1")
                .containsEntry("reason", "2 of 3 copies missing").containsEntry("subnets", "[subnet-a, subnet-b]");
    }

    @Test
    void leavesTheMdcAsItWasAfterTheLineSoTheNextRecordCarriesNoStaleDecisionFields() {
        // given a value another part of the process keeps in the MDC
        MDC.put("task", "outer");
        try {
            // when a decision about another task is logged, then a plain line
            DecisionLine.group("TaskGroup/api", "stop").with("task", "arn:task/1").with("subnet", null)
                    .with("result", "ok").warn(Logger.getLogger(CATEGORY));
            Logger.getLogger(CATEGORY).info("plain line");

            // then the decision carried its own fields (a null one printed but not a key), the plain line none of them
            assertThat(records.get(0).getFormattedMessage())
                    .isEqualTo("group=TaskGroup/api action=stop task=arn:task/1 subnet=null result=ok");
            assertThat(records.get(0).getMdcCopy()).containsEntry("task", "arn:task/1").doesNotContainKey("subnet");
            assertThat(records.get(1).getMdcCopy()).containsEntry("task", "outer")
                    .doesNotContainKeys("group", "action", "result");
        } finally {
            MDC.remove("task");
        }
    }

    @Test
    void keepsPercentSignsAndWordsAfterThePairsAsWritten() {
        DecisionLine.about("cluster", "payments-prod", "observe").with("result", "failed")
                .quoted("reason", "100% of calls throttled").then("; its groups wait for the next pass")
                .error(Logger.getLogger(CATEGORY), new IllegalStateException("boom"));

        assertThat(records.get(0).getFormattedMessage()).isEqualTo("cluster=payments-prod action=observe result=failed "
                + "reason=\"100% of calls throttled\"; its groups wait for the next pass");
        assertThat(records.get(0).getThrown()).hasMessage("boom");
        assertThat(records.get(0).getMdcCopy()).containsEntry("cluster", "payments-prod")
                .containsEntry("reason", "100% of calls throttled");
    }
}
