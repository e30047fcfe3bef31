package io.fargatereconciler.loop;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.plan.job.JobEvent;
import io.fargatereconciler.plan.job.JobRunRecord;
import io.fargatereconciler.plan.job.JobRunResult;
import java.util.List;
import org.jboss.logging.Logger;

/** Reports what happened to Jobs in a pass: one log line each, metrics, and notifications. */
public final class JobEventReporter {
    private static final Logger LOG = Logger.getLogger(JobEventReporter.class);

    private final PassRecorder recorder;
    private final JobNotifications notifications;

    public JobEventReporter(PassRecorder recorder, JobNotifications notifications) {
        this.recorder = recorder;
        this.notifications = notifications;
    }

    void report(DesiredState desired, List<JobEvent> events) {
        for (JobEvent event : events) {
            log(event);
            record(event);
            desired.get(event.job()).filter(Job.class::isInstance).map(Job.class::cast)
                    .ifPresent(job -> notifications.send(job, event));
        }
    }

    private static void log(JobEvent event) {
        if (event instanceof JobEvent.RunStarted started) {
            DecisionLine.group(started.job(), "job-run-started").with("run", started.run().tagValue())
                    .with("delay", started.scheduleDelay().toSeconds() + "s")
                    .with("failed-starts", started.startFailures()).info(LOG);
        } else if (event instanceof JobEvent.AttemptFailed failed) {
            DecisionLine.group(failed.job(), "job-attempt-failed").with("run", failed.run().tagValue())
                    .with("attempt", failed.attempt())
                    .with("counts-against-backoff-limit", failed.countsAgainstBackoffLimit())
                    .with("next-attempt", failed.nextAttemptAt()).quoted("reason", failed.reason()).info(LOG);
        } else if (event instanceof JobEvent.RunFinished finished) {
            JobRunRecord run = finished.record();
            DecisionLine line = DecisionLine.group(finished.job(), "job-run-finished").with("run", run.run().tagValue())
                    .with("result", run.result()).with("attempts", run.attempts())
                    .with("start-failures", run.startFailures()).with("task-failures", run.taskFailures())
                    .quoted("reason", run.reason());
            if (run.result().isFailure() || run.result() == JobRunResult.Unknown) {
                line.warn(LOG);
            } else {
                line.info(LOG);
            }
        } else if (event instanceof JobEvent.RunsMissed missed) {
            DecisionLine.group(missed.job(), "job-runs-missed").with("count", missed.count())
                    .with("first", missed.first()).with("last", missed.last()).quoted("reason", "the job was not planned"
                            + " in that time (daemon stopped, paused or unable to reach ECS); only the most recent"
                            + " scheduled time may start").warn(LOG);
        }
    }

    private void record(JobEvent event) {
        if (event instanceof JobEvent.RunStarted started) {
            recorder.jobRunStarted(started.job(), started.scheduleDelay());
        } else if (event instanceof JobEvent.AttemptFailed failed) {
            recorder.jobAttemptFailed(failed.job(), failed.countsAgainstBackoffLimit());
        } else if (event instanceof JobEvent.RunFinished finished) {
            recorder.jobRunsFinished(finished.job(), finished.record().result(), 1);
        } else if (event instanceof JobEvent.RunsMissed missed) {
            recorder.jobRunsFinished(missed.job(), JobRunResult.Missed, missed.count());
        }
    }
}
