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
            LOG.infof("group=%s action=job-run-started run=%s delay=%ss failed-starts=%d", started.job(),
                    started.run().tagValue(), started.scheduleDelay().toSeconds(), started.startFailures());
        } else if (event instanceof JobEvent.AttemptFailed failed) {
            LOG.infof("group=%s action=job-attempt-failed run=%s attempt=%d counts-against-backoff-limit=%s "
                    + "next-attempt=%s reason=\"%s\"", failed.job(), failed.run().tagValue(), failed.attempt(),
                    failed.countsAgainstBackoffLimit(), failed.nextAttemptAt(), failed.reason());
        } else if (event instanceof JobEvent.RunFinished finished) {
            JobRunRecord run = finished.record();
            String line = "group=%s action=job-run-finished run=%s result=%s attempts=%d start-failures=%d "
                    + "task-failures=%d reason=\"%s\"";
            Object[] values = {finished.job(), run.run().tagValue(), run.result(), run.attempts(),
                    run.startFailures(), run.taskFailures(), run.reason()};
            if (run.result().isFailure() || run.result() == JobRunResult.Unknown) {
                LOG.warnf(line, values);
            } else {
                LOG.infof(line, values);
            }
        } else if (event instanceof JobEvent.RunsMissed missed) {
            LOG.warnf("group=%s action=job-runs-missed count=%d first=%s last=%s reason=\"the job was not planned "
                    + "in that time (daemon stopped, paused or unable to reach ECS); only the most recent scheduled "
                    + "time may start\"", missed.job(), missed.count(), missed.first(), missed.last());
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
